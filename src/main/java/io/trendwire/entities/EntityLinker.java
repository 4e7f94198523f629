package io.trendwire.entities;

import static io.trendwire.schema.Columns.COUNTRIES;
import static io.trendwire.schema.Columns.ENTITY_IDS;
import static io.trendwire.schema.Columns.FOCUS_COUNTRIES;
import static io.trendwire.schema.Columns.LANGUAGE;
import static io.trendwire.schema.Columns.MENTIONS_STRUCTS;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TITLE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.udf;

import io.trendwire.config.EntitiesConfig;
import io.trendwire.schema.ReportSchemas;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Finds the entities of every article with the broadcast {@link EntityMatcher}.
 *
 * <p>Input columns: title, text, language (nullable). Output: the input plus entity_ids (linked
 * gazetteer entities in order of first mention, candidates excluded), countries (ISO codes of
 * every country mentioned, places rolled up to their country when the config asks for it),
 * focus_countries (the countries the article is about: dateline, title, lead and frequency, as
 * CLIFF's "focus" does) and _mentions (array of {@link ReportSchemas#MENTION}, exploded into
 * mentions/ by {@link EntityReports}). Articles without text get empty arrays. With candidates on,
 * {@link #link} first runs one aggregate over the text ({@link CommonWords}).
 */
public final class EntityLinker implements Serializable {
  private final EntitiesConfig config;
  private final Broadcast<EntityMatcher> matcher;

  public EntityLinker(EntitiesConfig config, Broadcast<EntityMatcher> matcher) {
    this.config = config;
    this.matcher = matcher;
  }

  public Dataset<Row> link(Dataset<Row> articles) {
    StructType found = new StructType()
        .add(ENTITY_IDS, DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add(COUNTRIES, DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add(FOCUS_COUNTRIES, DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add(MENTIONS_STRUCTS, DataTypes.createArrayType(ReportSchemas.MENTION, false), false);
    // A function of the three columns it reads rather than mapPartitions over whole rows: the other
    // columns (and the text, dropped after this stage) stay in Spark's binary rows instead of
    // being converted to Java objects and back for every article. Marked nondeterministic so
    // that the optimiser never inlines it once per output column.
    // Words the corpus writes mostly in lower case are no names alone (CommonWords): one
    // aggregate over the text before matching, broadcast as a small set per language.
    HashMap<String, HashSet<String>> commonWords = config.candidates()
        ? CommonWords.find(articles, matcher, config.minCandidateArticles(),
        config.commonWordsSampleBytes()) : new HashMap<>();
    Broadcast<HashMap<String, HashSet<String>>> common =
        JavaSparkContext.fromSparkContext(articles.sparkSession().sparkContext()).broadcast(commonWords);
    UserDefinedFunction find = udf(new Find(matcher, common, config.rollUp(), config.candidates()), found)
        .asNonNullable().asNondeterministic().withName("find_entities");
    String tmp = "_entities";
    List<Column> out = new ArrayList<>();
    for (String c : articles.columns()) {
      out.add(col(c));
    }
    for (String c : found.fieldNames()) {
      out.add(col(tmp + "." + c).alias(c));
    }
    return articles.withColumn(tmp, find.apply(col(TITLE), col(TEXT), col(LANGUAGE)))
        .select(out.toArray(Column[]::new));
  }

  /**
   * The entity columns of one article. Each executor thread keeps its own {@link
   * EntityMatcher.FormCache}: the words of one partition are mostly those of the last.
   */
  private static final class Find implements UDF3<String, String, String, Row> {
    private static final HashSet<String> EMPTY = new HashSet<>();
    private final Broadcast<EntityMatcher> matcher;
    private final Broadcast<HashMap<String, HashSet<String>>> commonWords;
    private final boolean rollUp;
    private final boolean keepCandidates;

    Find(Broadcast<EntityMatcher> matcher, Broadcast<HashMap<String, HashSet<String>>> commonWords, boolean rollUp,
        boolean keepCandidates) {
      this.matcher = matcher;
      this.commonWords = commonWords;
      this.rollUp = rollUp;
      this.keepCandidates = keepCandidates;
    }

    @Override
    public Row call(String title, String text, String language) {
      EntityMatcher m = matcher.value();
      EntityMatcher.FormCache cache = EntityMatcher.FormCache.forThread(m);
      Set<String> common = commonWords.value().getOrDefault(CommonWords.key(language), EMPTY);
      List<Mention> mentions = m.extract(title, "title", language, cache, common);
      mentions.addAll(m.extract(text, "text", language, cache, common));
      if (!keepCandidates) {
        mentions.removeIf(x -> x.type() == EntityType.CANDIDATE);
      }
      List<Row> structs = new ArrayList<>(mentions.size());
      for (Mention x : mentions) {
        structs.add(RowFactory.create(x.entityId(), x.name(), x.type().name(), x.country(), x.surface(),
            x.field(), x.sentence(), x.start(), x.end(), x.method(), x.kind() == null ? null : x.kind().label()));
      }
      return RowFactory.create(entityIds(mentions), countries(mentions, rollUp), focusCountries(mentions), structs);
    }
  }

  /**
   * Mentions in reading order: the title's first, then by position. One comparator object, not
   * one built per article, so the JIT sees a single comparator at every sort.
   */
  private static final Comparator<Mention> READING_ORDER = (a, b) -> {
    boolean aTitle = "title".equals(a.field());
    boolean bTitle = "title".equals(b.field());
    return aTitle != bTitle ? (aTitle ? -1 : 1) : Integer.compare(a.start(), b.start());
  };

  static List<String> entityIds(List<Mention> mentions) {
    List<Mention> named = new ArrayList<>(mentions.size());
    for (Mention x : mentions) {
      if (x.type() != EntityType.CANDIDATE) {
        named.add(x);
      }
    }
    named.sort(READING_ORDER);
    Set<String> ids = new LinkedHashSet<>();
    for (Mention x : named) {
      ids.add(x.entityId());
    }
    return new ArrayList<>(ids);
  }

  /** Countries the mention counts for: countries themselves, and places when rolling up. */
  private static String countryOf(Mention x, boolean rollUp) {
    if (x.type() == EntityType.COUNTRY) {
      return x.country();
    }
    return rollUp && x.type().isPlace() ? x.country() : null;
  }

  static List<String> countries(List<Mention> mentions, boolean rollUp) {
    Set<String> out = new LinkedHashSet<>();
    for (Mention x : mentions) {
      String c = countryOf(x, rollUp);
      if (c != null) {
        out.add(c);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The countries an article is about, as CLIFF's "focus" does, over the mentions that are good
   * evidence. A place qualified by a region or country of another country right after it
   * ("SAN JOSE, Calif.", "Paris, Texas") counts for the qualifier's country, not its own. A country
   * counts only when something vouches for it: a mention of the country itself, the dateline, an
   * abbreviation or a name of several words, a qualifier, or two differently written places; a
   * lone one-word place with nothing else for its country ("But", "Capital", "Brent") is more
   * often a common word than a place. Each remaining country scores 3 for the dateline, 2 for
   * the title or the first two sentences and 1 per other mention. The dateline country is always
   * a focus; others are when they score at least 2 and at least a third of the top score.
   */
  static List<String> focusCountries(List<Mention> mentions) {
    List<Mention> sorted = new ArrayList<>();
    for (Mention x : mentions) {
      if (countryOf(x, true) != null) {
        sorted.add(x);
      }
    }
    sorted.sort(READING_ORDER);
    // By position in sorted: flags rather than sets of mentions, whose record hash reads every field.
    boolean[] qualified = new boolean[sorted.size()];
    boolean[] qualifiers = new boolean[sorted.size()];
    for (int i = 0; i + 1 < sorted.size(); i++) {
      Mention a = sorted.get(i);
      Mention b = sorted.get(i + 1);
      if (a.type().isPlace() && a.field().equals(b.field()) && b.start() > a.end() && b.start() - a.end() <= 3
          && (b.type() == EntityType.REGION || b.type() == EntityType.COUNTRY) && !b.country().equals(a.country())) {
        qualified[i] = true;
        qualifiers[i + 1] = true;
      }
    }
    Set<String> vouched = new java.util.HashSet<>();
    Map<String, Set<String>> placeForms = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      Mention x = sorted.get(i);
      if (qualified[i]) {
        continue;
      }
      String c = countryOf(x, true);
      if (x.type() == EntityType.COUNTRY || "dateline".equals(x.method()) || qualifiers[i]
          || x.kind() == AliasKind.ABBREVIATION || x.surface().strip().contains(" ")) {
        vouched.add(c);
      } else {
        placeForms.computeIfAbsent(c, k -> new java.util.HashSet<>()).add(x.surface().toLowerCase(java.util.Locale.ROOT));
      }
    }
    placeForms.forEach((c, forms) -> {
      if (forms.size() >= 2) {
        vouched.add(c);
      }
    });
    Map<String, Integer> score = new HashMap<>();
    String dateline = null;
    for (int i = 0; i < sorted.size(); i++) {
      Mention x = sorted.get(i);
      String c = countryOf(x, true);
      if (qualified[i] || !vouched.contains(c)) {
        continue;
      }
      int points;
      if ("dateline".equals(x.method())) {
        points = 3;
        dateline = c;
      } else if ("title".equals(x.field())) {
        points = 2;
      } else {
        points = x.sentence() < 2 ? 2 : 1;
      }
      score.merge(c, points, Integer::sum);
    }
    int top = score.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    List<String> focus = new ArrayList<>();
    if (dateline != null) {
      focus.add(dateline);
    }
    String first = dateline;
    score.entrySet().stream()
        .filter(e -> e.getValue() >= 2 && e.getValue() * 3 >= top && !e.getKey().equals(first))
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> focus.add(e.getKey()));
    if (focus.isEmpty() && top > 0) {
      score.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
          .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).ifPresent(e -> focus.add(e.getKey()));
    }
    return focus;
  }
}
