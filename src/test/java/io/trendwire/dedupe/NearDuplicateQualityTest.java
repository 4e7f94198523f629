package io.trendwire.dedupe;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.DUPLICATE_KIND;
import static io.trendwire.schema.Columns.DUPLICATE_OF;
import static io.trendwire.schema.Columns.PUBLISHED;
import static io.trendwire.schema.Columns.REASON;
import static io.trendwire.schema.Columns.SOURCE;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TITLE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.xxhash64;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.DedupeConfig;
import io.trendwire.config.FieldMapping;
import io.trendwire.config.InputConfig;
import io.trendwire.ingest.IngestIO;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the near-duplicate detector on copies constructed from real articles.
 *
 * <p>Sources: ~300 Reuters-21578 articles with body text (conf/reuters.json reader) and ~150
 * Ukraine-war articles (conf/ukraine.json), drawn deterministically; a source that is already a
 * near-copy of an earlier-drawn one (word-shingle overlap at or above minSimilarity, computed
 * directly) is skipped, so the originals are pairwise distinct articles. Each source gets two
 * copies of different edit types, built with a fixed seed: headline changed, truncated to 50–80%,
 * one sentence deleted, one sentence inserted (from another article), ~5% of words replaced (by
 * words of another article), and two combinations. Copies are published after their source.
 *
 * <p>Scoring is per copy: a copy whose duplicate_of is its source is a true positive, one whose
 * duplicate_of is null a false negative, any other duplicate_of (on a copy or an original) a false
 * positive. The originals' pairs, many of them same-topic (Reuters TOPICS) or same-day, are the
 * negatives.
 */
class NearDuplicateQualityTest {
  static final long SEED = 20240619L;
  static final int REUTERS_SOURCES = 300;
  static final int UKRAINE_SOURCES = 150;
  static final int MIN_SOURCE_CHARS = 500;
  static final double MIN_PRECISION = 0.95;
  static final double MIN_RECALL = 0.90;

  enum Edit { HEADLINE, TRUNCATE, DELETE_SENTENCE, INSERT_SENTENCE, REPLACE_WORDS, TRUNCATE_REPLACE,
    HEADLINE_DELETE_INSERT }

  record Source(String id, Timestamp published, String title, String text, String corpus, Set<String> topics) {}

  record Copy(String id, String sourceId, Edit edit, String title, String text, Timestamp published) {}

  record Tally(int copies, int tp, int fp, int fn) {
    double precision() {
      return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }

    double recall() {
      return copies == 0 ? Double.NaN : (double) tp / copies;
    }
  }

  static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.TimestampType, false)
      .add(TITLE, DataTypes.StringType, true)
      .add(TEXT, DataTypes.StringType, false);

  @Test
  void nearDuplicateDetectorFindsConstructedCopiesOfRealArticles() {
    DedupeConfig config = DedupeConfig.DEFAULT;
    Map<String, Tally> result = evaluate(SparkTestSession.get(), config, true);
    Tally all = result.get("overall");
    assertTrue(all.precision() >= MIN_PRECISION, String.format(
        "near-duplicate precision %.4f < %.2f with %s: %s", all.precision(), MIN_PRECISION, config, result));
    assertTrue(all.recall() >= MIN_RECALL, String.format(
        "near-duplicate recall %.4f < %.2f with %s: %s", all.recall(), MIN_RECALL, config, result));
  }

  /** Builds the sources and copies, runs the marker with {@code config}, prints and returns the tallies. */
  static Map<String, Tally> evaluate(SparkSession spark, DedupeConfig config, boolean print) {
    List<Source> candidates = new ArrayList<>();
    candidates.addAll(loadSources(spark, "conf/reuters.json", "reuters21578/sgm-data", "reuters:", true,
        REUTERS_SOURCES * 2));
    candidates.addAll(loadSources(spark, "conf/ukraine.json", "ukraine_war_gdelt_en/data/articles", "ukraine:", false,
        UKRAINE_SOURCES * 2));
    List<Source> sources = distinctSources(candidates, config, print);

    Random random = new Random(SEED);
    List<Copy> copies = new ArrayList<>();
    Edit[] edits = Edit.values();
    for (int i = 0; i < sources.size(); i++) {
      Source s = sources.get(i);
      Edit first = edits[(2 * i) % edits.length];
      Edit second = edits[(2 * i + 1) % edits.length];
      for (Edit e : List.of(first, second)) {
        Source donor = sources.get((i + 1 + random.nextInt(sources.size() - 1)) % sources.size());
        copies.add(copy(s, e, donor, copies.size(), random));
      }
    }

    List<Row> rows = new ArrayList<>();
    for (Source s : sources) {
      rows.add(RowFactory.create(s.id(), s.published(), s.title(), s.text()));
    }
    for (Copy c : copies) {
      rows.add(RowFactory.create(c.id(), c.published(), c.title(), c.text()));
    }
    Map<String, String> duplicateOf = new HashMap<>();
    Map<String, String> kind = new HashMap<>();
    for (Row r : new DuplicateMarker(config).mark(spark.createDataFrame(rows, SCHEMA))
        .select(ARTICLE_ID, DUPLICATE_OF, DUPLICATE_KIND).collectAsList()) {
      duplicateOf.put(r.getString(0), r.getString(1));
      kind.put(r.getString(0), r.getString(2));
    }

    Map<String, int[]> counts = new LinkedHashMap<>(); // copies, tp, fp, fn
    for (Edit e : edits) {
      counts.put(e.name().toLowerCase(Locale.ROOT), new int[4]);
    }
    counts.put("originals", new int[4]);
    List<String> falseLinks = new ArrayList<>();
    List<String> missed = new ArrayList<>();
    Map<String, Source> byId = new HashMap<>();
    sources.forEach(s -> byId.put(s.id(), s));
    for (Copy c : copies) {
      int[] t = counts.get(c.edit().name().toLowerCase(Locale.ROOT));
      t[0]++;
      String got = duplicateOf.get(c.id());
      if (c.sourceId().equals(got)) {
        t[1]++;
      } else if (got == null) {
        t[3]++;
        missed.add(describe(c, byId.get(c.sourceId()), config));
      } else {
        t[2]++;
        t[3]++;
        falseLinks.add(c.id() + " -> " + got + " (" + kind.get(c.id()) + ")");
      }
    }
    for (Source s : sources) {
      String got = duplicateOf.get(s.id());
      if (got != null) {
        counts.get("originals")[2]++;
        falseLinks.add(s.id() + " -> " + got + " (" + kind.get(s.id()) + ")");
      }
    }
    Map<String, Tally> out = new LinkedHashMap<>();
    int[] total = new int[4];
    counts.forEach((name, t) -> {
      out.put(name, new Tally(t[0], t[1], t[2], t[3]));
      for (int k = 0; k < 4; k++) {
        total[k] += t[k];
      }
    });
    out.put("overall", new Tally(total[0], total[1], total[2], total[3]));

    if (print) {
      System.out.printf("Near-duplicate quality, %s: %d originals (%d Reuters, %d Ukraine), %d copies%n", config,
          sources.size(), sources.stream().filter(s -> s.corpus().equals("reuters")).count(),
          sources.stream().filter(s -> s.corpus().equals("ukraine")).count(), copies.size());
      System.out.printf("  %-24s %6s %5s %4s %4s %9s %7s%n", "edit", "copies", "TP", "FP", "FN", "precision", "recall");
      out.forEach((name, t) -> System.out.printf("  %-24s %6d %5d %4d %4d %9.4f %7.4f%n", name, t.copies(), t.tp(),
          t.fp(), t.fn(), t.precision(), t.recall()));
      System.out.println("  false links: " + falseLinks);
      System.out.println("  missed copies: " + missed);
    }
    return out;
  }

  /** A missed copy with the exact overlap and Jaccard similarity of its shingles with its source's. */
  private static String describe(Copy c, Source s, DedupeConfig config) {
    Set<String> a = shingles(c.text(), config.shingleWords());
    Set<String> b = shingles(s.text(), config.shingleWords());
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    double jaccard = union.isEmpty() ? 0 : (a.size() + b.size() - union.size()) / (double) union.size();
    return String.format(Locale.ROOT, "%s (overlap %.3f, jaccard %.3f, shingles %d/%d)", c.id(), overlap(a, b),
        jaccard, a.size(), b.size());
  }

  /**
   * Accepted articles of one corpus with at least {@link #MIN_SOURCE_CHARS} characters of text, in
   * a fixed pseudo-random order. With {@code topics}, the reader's source field is mapped to the
   * Reuters TOPICS list so same-topic negatives can be counted.
   */
  static List<Source> loadSources(SparkSession spark, String conf, String corpus, String prefix, boolean topics,
      int limit) {
    InputConfig in = ConfigLoader.load(SparkTestSession.repo().resolve(conf)).input()
        .withPaths(List.of(SparkTestSession.corpora().resolve(corpus).toString()));
    if (topics) {
      FieldMapping f = in.fields();
      in = new InputConfig(in.paths(), in.format(), in.fileGlob(),
          new FieldMapping(f.id(), f.published(), f.title(), f.text(), "TOPICS", f.url(), f.language()),
          Map.of(), in.fileNamePattern(), in.sidecar(), in.encoding(), in.dateFormats(), in.timeZone(),
          in.maxRecordBytes(), in.delimiter(), false);
    }
    Dataset<Row> accepted = IngestIO.readRecords(spark, in, 200, Instant.now())
        .filter(col(REASON).isNull().and(length(col(TEXT)).geq(MIN_SOURCE_CHARS)));
    List<Source> out = new ArrayList<>();
    for (Row r : accepted.orderBy(xxhash64(col(ARTICLE_ID), lit(SEED)), col(ARTICLE_ID)).limit(limit)
        .select(ARTICLE_ID, PUBLISHED, TITLE, TEXT, SOURCE).collectAsList()) {
      Set<String> t = new HashSet<>();
      if (topics && !r.isNullAt(4)) {
        Arrays.stream(r.getString(4).split(";")).map(String::strip).filter(x -> !x.isEmpty()).forEach(t::add);
      }
      out.add(new Source(prefix + r.getString(0), r.getTimestamp(1), r.getString(2), r.getString(3),
          prefix.substring(0, prefix.length() - 1), t));
    }
    return out;
  }

  /**
   * Keeps up to the wanted number of sources per corpus, skipping any whose shingle overlap with
   * an already kept one reaches minSimilarity: those are real near-copies (Reuters has corrected
   * reissues of the same story), not negatives. Prints how hard the kept negatives are.
   */
  static List<Source> distinctSources(List<Source> candidates, DedupeConfig config, boolean print) {
    List<Source> kept = new ArrayList<>();
    List<Set<String>> keptShingles = new ArrayList<>();
    Map<String, Integer> perCorpus = new HashMap<>();
    List<String> skipped = new ArrayList<>();
    for (Source s : candidates) {
      int want = s.corpus().equals("reuters") ? REUTERS_SOURCES : UKRAINE_SOURCES;
      if (perCorpus.getOrDefault(s.corpus(), 0) >= want) {
        continue;
      }
      Set<String> sh = shingles(s.text(), config.shingleWords());
      if (sh.size() < DuplicateMarker.MIN_SHINGLES) {
        continue;
      }
      String nearCopyOf = null;
      for (int j = 0; j < kept.size() && nearCopyOf == null; j++) {
        if (overlap(sh, keptShingles.get(j)) >= config.minSimilarity()) {
          nearCopyOf = kept.get(j).id();
        }
      }
      if (nearCopyOf != null) {
        skipped.add(s.id() + "~" + nearCopyOf);
        continue;
      }
      kept.add(s);
      keptShingles.add(sh);
      perCorpus.merge(s.corpus(), 1, Integer::sum);
    }
    if (print) {
      int sameTopic = 0;
      int sameDay = 0;
      int hard = 0;
      double maxOverlap = 0;
      for (int i = 0; i < kept.size(); i++) {
        for (int j = i + 1; j < kept.size(); j++) {
          Source a = kept.get(i);
          Source b = kept.get(j);
          if (!a.corpus().equals(b.corpus())) {
            continue;
          }
          if (a.topics().stream().anyMatch(b.topics()::contains)) {
            sameTopic++;
          }
          if (day(a).equals(day(b))) {
            sameDay++;
          }
          double o = overlap(keptShingles.get(i), keptShingles.get(j));
          maxOverlap = Math.max(maxOverlap, o);
          if (o >= 0.3) {
            hard++;
          }
        }
      }
      System.out.printf("Sources: %d kept, %d skipped as near-copies of a kept source %s%n", kept.size(),
          skipped.size(), skipped);
      System.out.printf("Negative pairs among originals: %d same-topic (Reuters TOPICS), %d same-day, "
          + "%d with shingle overlap >= 0.3, max overlap %.3f%n", sameTopic, sameDay, hard, maxOverlap);
    }
    return kept;
  }

  private static LocalDate day(Source s) {
    return s.published().toInstant().atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Word shingles as the marker builds them: lower case, split on anything but letters and digits. */
  static Set<String> shingles(String text, int n) {
    List<String> tokens = new ArrayList<>();
    for (String t : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
      if (!t.isEmpty()) {
        tokens.add(t);
      }
    }
    Set<String> out = new HashSet<>();
    for (int i = 0; i + n <= tokens.size(); i++) {
      out.add(String.join(" ", tokens.subList(i, i + n)));
    }
    return out;
  }

  static double overlap(Set<String> a, Set<String> b) {
    Set<String> small = a.size() <= b.size() ? a : b;
    Set<String> large = small == a ? b : a;
    int shared = 0;
    for (String s : small) {
      if (large.contains(s)) {
        shared++;
      }
    }
    return small.isEmpty() ? 0.0 : (double) shared / small.size();
  }

  static Copy copy(Source s, Edit edit, Source donor, int n, Random random) {
    String title = s.title();
    String text = s.text();
    switch (edit) {
      case HEADLINE -> title = headline(donor);
      case TRUNCATE -> text = truncate(text, random);
      case DELETE_SENTENCE -> text = deleteSentence(text, random);
      case INSERT_SENTENCE -> text = insertSentence(text, donor.text(), random);
      case REPLACE_WORDS -> text = replaceWords(text, donor.text(), random);
      case TRUNCATE_REPLACE -> text = replaceWords(truncate(text, random), donor.text(), random);
      case HEADLINE_DELETE_INSERT -> {
        title = headline(donor);
        text = insertSentence(deleteSentence(text, random), donor.text(), random);
      }
      default -> throw new IllegalStateException(edit.name());
    }
    Timestamp published = Timestamp.from(s.published().toInstant().plusSeconds(3600L * (1 + n % 5)));
    return new Copy("copy" + n + ":" + edit.name().toLowerCase(Locale.ROOT) + ":" + s.id(), s.id(), edit, title,
        text, published);
  }

  /** Another article's headline, or (Ukraine texts have none) its first sentence. */
  private static String headline(Source donor) {
    return donor.title() != null ? donor.title() : sentences(donor.text()).get(0);
  }

  /**
   * Sentences: split after . ! ? before an upper-case letter or quote, and at indented line starts,
   * which in Reuters are paragraph starts and the rows of earnings tables (they have no full stops).
   */
  static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    for (String s : text.split("(?<=[.!?][\"'”’)]?)\\s+(?=[\"'“‘(\\p{Lu}])|\\n[ \\t]{2,}")) {
      if (!s.isBlank()) {
        out.add(s);
      }
    }
    return out;
  }

  /** The first 50–80% of the words. */
  static String truncate(String text, Random random) {
    String[] words = text.split("\\s+");
    int keep = (int) Math.round(words.length * (0.5 + 0.3 * random.nextDouble()));
    return String.join(" ", Arrays.copyOf(words, Math.max(1, keep)));
  }

  static String deleteSentence(String text, Random random) {
    List<String> s = sentences(text);
    if (s.size() < 2) {
      return text;
    }
    s.remove(random.nextInt(s.size()));
    return String.join(" ", s);
  }

  static String insertSentence(String text, String donorText, Random random) {
    List<String> s = sentences(text);
    List<String> d = sentences(donorText);
    s.add(random.nextInt(s.size() + 1), d.get(random.nextInt(d.size())));
    return String.join(" ", s);
  }

  /** About 5% of the words replaced by words drawn from another article. */
  static String replaceWords(String text, String donorText, Random random) {
    String[] words = text.split("\\s+");
    String[] donor = donorText.split("\\s+");
    int n = Math.max(1, (int) Math.round(words.length * 0.05));
    Set<Integer> done = new HashSet<>();
    while (done.size() < n) {
      int i = random.nextInt(words.length);
      if (done.add(i)) {
        words[i] = donor[random.nextInt(donor.length)];
      }
    }
    return String.join(" ", words);
  }
}
