package io.trendwire.entities;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.COUNTRIES;
import static io.trendwire.schema.Columns.ENTITY_IDS;
import static io.trendwire.schema.Columns.REASON;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.ingest.IngestIO;
import io.trendwire.language.LanguageIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Quality of articles.countries and of the heads of state or government in articles.entity_ids
 * on fundus test pages, against the hand-written gold set {@code fundus-entities-gold.tsv} (40
 * pages, 12 languages; see its header for what counts). The corpus goes through the real reader
 * (conf/fundus.json), language detection and {@link EntityLinker} with the built-in gazetteer.
 * Micro precision and recall of (page, country) and (page, person) pairs, each at least 0.85.
 * Predicted people are the page's person: ids that are heads of state or government (those of
 * {@link #HEADS}, the curated people who hold or held such an office, and those of the gold
 * file), so other people (ministers, activists) are neither hits nor errors.
 */
class FundusEntityQualityTest {
  static final double MIN = 0.85;

  /** Curated people (src/main/resources/gazetteer/curated.jsonl) who are or were heads of state or government. */
  static final Set<String> HEADS = Set.of("vladimir-putin", "mikhail-mishustin", "dmitry-medvedev",
      "volodymyr-zelenskyy", "denys-shmyhal", "yulia-svyrydenko", "petro-poroshenko", "alexander-lukashenko",
      "roman-golovchenko", "kim-jong-un", "kim-il-sung", "kim-jong-il", "kim-tok-hun", "pak-thae-song",
      "yoon-suk-yeol", "han-duck-soo", "lee-jae-myung", "choi-sang-mok", "moon-jae-in", "xi-jinping", "li-qiang",
      "li-keqiang", "lai-ching-te", "tsai-ing-wen", "fumio-kishida", "shigeru-ishiba", "sanae-takaichi",
      "shinzo-abe", "joe-biden", "donald-trump", "barack-obama", "rishi-sunak", "keir-starmer", "liz-truss",
      "boris-johnson", "david-cameron", "king-charles-iii", "elizabeth-ii", "emmanuel-macron", "elisabeth-borne",
      "gabriel-attal", "michel-barnier", "francois-bayrou", "sebastien-lecornu", "jean-castex", "olaf-scholz",
      "friedrich-merz", "frank-walter-steinmeier", "angela-merkel", "giorgia-meloni", "mario-draghi",
      "sergio-mattarella", "pope-francis", "pope-leo-xiv", "andrzej-duda", "karol-nawrocki", "mateusz-morawiecki",
      "donald-tusk", "recep-tayyip-erdogan", "ali-khamenei", "ebrahim-raisi", "masoud-pezeshkian",
      "mohammad-mokhber", "benjamin-netanyahu", "yair-lapid", "naftali-bennett", "isaac-herzog", "narendra-modi",
      "droupadi-murmu", "ram-nath-kovind", "viktor-orban", "katalin-novak", "tamas-sulyok", "mahmoud-abbas",
      "bashar-al-assad", "ahmed-al-sharaa", "abdel-fattah-el-sisi", "mohammed-bin-salman",
      "tamim-bin-hamad-al-thani", "mohamed-bin-zayed", "hibatullah-akhundzada", "luiz-inacio-lula-da-silva",
      "javier-milei", "cyril-ramaphosa", "prabowo-subianto", "joko-widodo", "ferdinand-marcos-jr",
      "anthony-albanese", "justin-trudeau", "mark-carney", "claudia-sheinbaum", "andres-manuel-lopez-obrador",
      "nicolas-maduro", "ilham-aliyev", "nikol-pashinyan", "kassym-jomart-tokayev", "shavkat-mirziyoyev",
      "min-aung-hlaing", "anwar-ibrahim", "pedro-sanchez", "alexander-stubb", "sauli-niinisto", "ulf-kristersson",
      "mette-frederiksen", "robert-fico", "maia-sandu", "aleksandar-vucic", "gitanas-nauseda", "shehbaz-sharif",
      "irakli-kobakhidze", "bidzina-ivanishvili", "emomali-rahmon", "sadyr-japarov", "to-lam", "hun-manet",
      "lee-hsien-loong", "lawrence-wong", "ukhnaagiin-khurelsukh", "kaja-kallas", "antonio-costa", "mark-rutte",
      "charles-michel", "jens-stoltenberg", "salome-zourabichvili", "kim-dae-jung", "roh-moo-hyun",
      "saddam-hussein", "muammar-gaddafi").stream().map(s -> "person:" + s).collect(Collectors.toSet());

  @Test
  void countriesAndHeadsOfStateMatchTheGold() throws IOException {
    Path corpus = SparkTestSession.corpora().resolve("fundus_testdata/test_data");
    Map<String, Set<String>[]> gold = readGold();
    SparkSession spark = SparkTestSession.get();
    TrendWireConfig config = ConfigLoader.load(SparkTestSession.repo().resolve("conf/fundus.json"))
        .withInputPaths(List.of(corpus.toString()));
    Dataset<Row> accepted = IngestIO.readRecords(spark, config.input(), config.output().rejectRawChars(), Instant.now())
        .filter(col(REASON).isNull());
    Dataset<Row> identified = new LanguageIdentifier(config.language()).identify(accepted);
    EntityMatcher matcher = EntityMatcher.compile(GazetteerIO.load(config.entities().gazetteers(),
        spark.sparkContext().hadoopConfiguration()));
    Broadcast<EntityMatcher> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(matcher);
    Map<String, Row> byId = new LinkedHashMap<>();
    for (Row r : new EntityLinker(config.entities(), bc).link(identified)
        .filter(col(ARTICLE_ID).isin(gold.keySet().toArray()))
        .select(ARTICLE_ID, COUNTRIES, ENTITY_IDS).collectAsList()) {
      byId.put(r.getString(0), r);
    }
    Set<String> leaders = new LinkedHashSet<>(HEADS);
    gold.values().forEach(g -> leaders.addAll(g[1]));

    long[] c = new long[3];
    long[] p = new long[3];
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, Set<String>[]> e : gold.entrySet()) {
      Row r = byId.get(e.getKey());
      assertTrue(r != null, "gold page not read by the fundus reader: " + e.getKey());
      Set<String> countries = new LinkedHashSet<>(r.getList(1));
      Set<String> people = new LinkedHashSet<>();
      for (Object id : r.getList(2)) {
        if (leaders.contains(id)) {
          people.add((String) id);
        }
      }
      score(e.getKey(), "country", e.getValue()[0], countries, c, errors);
      score(e.getKey(), "person", e.getValue()[1], people, p, errors);
    }
    double cp = ratio(c[0], c[1]);
    double cr = ratio(c[0], c[2]);
    double pp = ratio(p[0], p[1]);
    double pr = ratio(p[0], p[2]);
    System.out.printf("Fundus entity quality on %d gold pages%n", gold.size());
    System.out.printf("  %-10s %9s %9s %6s %9s%n", "pairs", "precision", "recall", "gold", "predicted");
    System.out.printf("  %-10s %9.4f %9.4f %6d %9d%n", "countries", cp, cr, c[2], c[1]);
    System.out.printf("  %-10s %9.4f %9.4f %6d %9d%n", "people", pp, pr, p[2], p[1]);
    errors.forEach(System.out::println);

    assertEquals(40, gold.size(), "the gold file should hold 40 pages");
    assertTrue(cp >= MIN, String.format("country precision %.4f below %.2f", cp, MIN));
    assertTrue(cr >= MIN, String.format("country recall %.4f below %.2f", cr, MIN));
    assertTrue(pp >= MIN, String.format("head-of-state precision %.4f below %.2f", pp, MIN));
    assertTrue(pr >= MIN, String.format("head-of-state recall %.4f below %.2f", pr, MIN));
  }

  /** counts: [0] hits, [1] predicted, [2] gold. */
  private static void score(String page, String what, Set<String> gold, Set<String> got, long[] counts,
      List<String> errors) {
    for (String g : got) {
      if (gold.contains(g)) {
        counts[0]++;
      } else {
        errors.add("  FP " + what + " " + page + " " + g);
      }
    }
    for (String g : gold) {
      if (!got.contains(g)) {
        errors.add("  FN " + what + " " + page + " " + g);
      }
    }
    counts[1] += got.size();
    counts[2] += gold.size();
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0.0 : (double) a / b;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Set<String>[]> readGold() throws IOException {
    Map<String, Set<String>[]> gold = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/fundus-entities-gold.tsv"))) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("page\t")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      assertEquals(3, f.length, "gold line must be page<TAB>countries<TAB>people: " + line);
      Set<String>[] sets = new Set[] {split(f[1]), split(f[2])};
      sets[0].forEach(x -> assertTrue(x.matches("[A-Z]{2}"), "not an ISO code in " + line));
      sets[1].forEach(x -> assertTrue(x.startsWith("person:"), "not a person id in " + line));
      gold.put(f[0], sets);
    }
    return gold;
  }

  private static Set<String> split(String s) {
    return s.isBlank() ? new LinkedHashSet<>()
        : Arrays.stream(s.split(",")).map(String::strip).collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
