package io.trendwire.cooccur;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.CooccurConfig;
import io.trendwire.config.TrendsConfig;
import io.trendwire.config.WatchConfig;
import io.trendwire.trends.Series;
import io.trendwire.config.Period;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Association measures against hand-computed values; pairs, scopes, top K, roll-up and the watch on rows built in code. */
class CooccurrenceTest {
  private final SparkSession spark = SparkTestSession.get();

  private Row measures(long ab, long a, long b, long n) {
    Dataset<Row> one = spark.range(1).select(lit(ab).alias("ab"), lit(a).alias("a"), lit(b).alias("b"), lit(n).alias("n"));
    return one.select(PairMeasures.pmi(col("ab"), col("a"), col("b"), col("n")),
        PairMeasures.npmi(col("ab"), col("a"), col("b"), col("n")),
        PairMeasures.llr(col("ab"), col("a"), col("b"), col("n")),
        PairMeasures.lift(col("ab"), col("a"), col("b"), col("n"))).first();
  }

  @Test
  void measuresOfTheTextNspExampleTable() {
    // The 2×2 table of the Text::NSP ll.pm synopsis (Pedersen et al., Dunning 1993 log-likelihood):
    // n11 = 10, n1p = 20, np1 = 20, npp = 60, so n12 = n21 = 10, n22 = 30. Expected cells 6.667,
    // 13.333, 13.333, 26.667: G² = 2 [10 ln 1.5 + 10 ln 0.75 + 10 ln 0.75 + 30 ln 1.125]
    // = 2 [4.05465 - 2.87682 - 2.87682 + 3.53343] = 3.66900 (by hand);
    // pmi = log2(10·60 / 400) = log2 1.5 = 0.58496; npmi = 0.58496 / -log2(1/6) = 0.22629; lift 1.5.
    Row r = measures(10, 20, 20, 60);
    assertEquals(0.58496, r.getDouble(0), 1e-5, "pmi");
    assertEquals(0.22629, r.getDouble(1), 1e-5, "npmi");
    assertEquals(3.66900, r.getDouble(2), 1e-4, "G²");
    assertEquals(1.5, r.getDouble(3), 1e-12, "lift");
  }

  @Test
  void gSquaredMatchesDunningsPublishedExample() {
    // Dunning (1993), "Accurate Methods for the Statistics of Surprise and Coincidence",
    // Computational Linguistics 19(1), p. 72: the bigram table k(AB) = 110, k(A¬B) = 2442,
    // k(¬AB) = 111, k(¬A¬B) = 29114 has -2 log λ = 270.72. In our margins: ab = 110,
    // a = 110 + 2442, b = 110 + 111, n = the sum of all four cells.
    long ab = 110, a = 110 + 2442, b = 110 + 111, n = 110 + 2442 + 111 + 29114;
    assertEquals(270.72, measures(ab, a, b, n).getDouble(2), 0.005, "G² of Dunning's published table");
  }

  @Test
  void measuresAtTheEdges() {
    Row never = measures(0, 5, 5, 100);
    assertNull(never.get(0), "pmi undefined without co-occurrence");
    assertNull(never.get(1), "npmi undefined without co-occurrence");
    // Both in every unit: npmi 1 by definition; a table with an empty margin has no G².
    assertEquals(1.0, measures(7, 7, 7, 7).getDouble(1), 1e-12, "npmi of a pair in every unit");
    assertNull(measures(7, 7, 7, 7).get(2), "degenerate table: no G²");
    // Independence: pmi 0, npmi 0, G² 0, lift 1 (10 of 100 with a, 20 with b, 2 with both).
    Row indep = measures(2, 10, 20, 100);
    assertEquals(0.0, indep.getDouble(0), 1e-12, "pmi");
    assertEquals(0.0, indep.getDouble(2), 1e-9, "G²");
    assertEquals(1.0, indep.getDouble(3), 1e-12, "lift");
  }

  private static final StructType MENTIONS = new StructType().add(ARTICLE_ID, DataTypes.StringType)
      .add(ENTITY_ID, DataTypes.StringType).add(TYPE, DataTypes.StringType).add(COUNTRY, DataTypes.StringType)
      .add(FIELD, DataTypes.StringType).add(SENTENCE, DataTypes.IntegerType).add(START, DataTypes.IntegerType)
      .add(PERIOD, DataTypes.DateType);

  private static Row m(String article, String entity, String type, String country, int sentence, int start) {
    return RowFactory.create(article, entity, type, country, "text", sentence, start, Date.valueOf("2024-06-01"));
  }

  private Dataset<Row> mentions() {
    List<Row> rows = new ArrayList<>();
    // a1: Moscow (rolls up to RU) and North Korea in one sentence, Putin in the next.
    rows.add(m("a1", "city:RU:moscow", "CITY", "RU", 0, 0));
    rows.add(m("a1", "country:KP", "COUNTRY", "KP", 0, 12));
    rows.add(m("a1", "person:vladimir-putin", "PERSON", "RU", 1, 40));
    // a2: Russia and North Korea in different sentences; an unknown name (candidate).
    rows.add(m("a2", "country:RU", "COUNTRY", "RU", 0, 0));
    rows.add(m("a2", "country:KP", "COUNTRY", "KP", 3, 80));
    rows.add(m("a2", "candidate:foo", "CANDIDATE", null, 3, 90));
    // a3: North Korea three times, China twice, Japan once: with K = 2 Japan does not pair.
    rows.add(m("a3", "country:KP", "COUNTRY", "KP", 0, 0));
    rows.add(m("a3", "country:KP", "COUNTRY", "KP", 1, 30));
    rows.add(m("a3", "country:KP", "COUNTRY", "KP", 2, 60));
    rows.add(m("a3", "country:CN", "COUNTRY", "CN", 0, 10));
    rows.add(m("a3", "country:CN", "COUNTRY", "CN", 2, 70));
    rows.add(m("a3", "country:JP", "COUNTRY", "JP", 1, 35));
    return spark.createDataFrame(rows, MENTIONS);
  }

  private Dataset<Row> articles() {
    StructType s = new StructType().add(ARTICLE_ID, DataTypes.StringType).add(PERIOD, DataTypes.DateType)
        .add(PUBLISHED, DataTypes.TimestampType).add(TITLE, DataTypes.StringType);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      rows.add(RowFactory.create("a" + i, Date.valueOf("2024-06-01"),
          java.sql.Timestamp.valueOf("2024-06-0" + i + " 00:00:00"), "title " + i));
    }
    return spark.createDataFrame(rows, s);
  }

  private Row pair(List<Row> rows, String scope, String a, String b) {
    return rows.stream().filter(r -> r.getAs(SCOPE).equals(scope) && r.getAs(ENTITY_A).equals(a)
        && r.getAs(ENTITY_B).equals(b)).findFirst().orElse(null);
  }

  @Test
  void pairsByScopeWithRollUpAndTopK() {
    CooccurConfig config = new CooccurConfig(null, 2, 1, 1, null, null);
    Dataset<Row> keys = Cooccurrence.entityKeys(mentions(), config);
    Dataset<Row> units = Cooccurrence.units(keys, config.topK());
    Dataset<Row> pa = Cooccurrence.pairArticles(units);
    Dataset<Row> names = spark.createDataFrame(List.of(RowFactory.create("country:RU", "Russia")),
        new StructType().add(ENTITY_ID, DataTypes.StringType).add(NAME, DataTypes.StringType));
    List<Row> pairs = Cooccurrence.pairs(pa, Cooccurrence.marginals(units), Cooccurrence.totals(units, articles()),
        names, 1).collectAsList();
    // Documents (K = 2): a1 {KP, RU} (Moscow → RU; Putin third by first mention: out of the top 2),
    // a2 {KP, RU} (candidate dropped), a3 {CN, KP} (Japan has fewer mentions). 4 articles.
    Row ruKp = pair(pairs, "document", "country:KP", "country:RU");
    assertEquals(2L, (long) ruKp.getAs(ARTICLES), "Russia–North Korea in a1 and a2: " + pairs);
    assertEquals("Russia", ruKp.getAs(NAME_B), "name from the names table");
    assertEquals("country:KP", ruKp.getAs(NAME_A), "the id when no name is known");
    assertEquals(3L, (long) ruKp.getAs(UNITS_A), "North Korea in 3 articles");
    assertEquals(2L, (long) ruKp.getAs(UNITS_B), "Russia in 2 articles");
    assertEquals(4L, (long) ruKp.getAs(UNITS), "all 4 counted articles");
    assertEquals(Math.log(2.0 * 4 / 6) / Math.log(2), ruKp.<Double>getAs(PMI), 1e-12, "pmi = log2(2·4 / (3·2))");
    assertNull(pair(pairs, "document", "country:JP", "country:KP"), "Japan is not in a3's top 2");
    assertNull(pair(pairs, "document", "country:RU", "person:vladimir-putin"), "Putin is not in a1's top 2");
    // Sentences: a1 s0 {KP, RU}; a2 s0 {RU}, s3 {KP}; a3 s0 {CN, KP}, s1 {KP}, s2 {CN, KP}; a1 s1 has
    // only Putin, who is not in the top 2. 6 sentence units with a top-2 entity.
    Row sRuKp = pair(pairs, "sentence", "country:KP", "country:RU");
    assertEquals(1L, (long) sRuKp.getAs(ARTICLES), "only a1 has them in one sentence");
    assertEquals(6L, (long) sRuKp.getAs(UNITS), "sentences with a top-K entity");
    assertEquals(5L, (long) sRuKp.getAs(UNITS_A), "sentences with North Korea");
    Row sCnKp = pair(pairs, "sentence", "country:CN", "country:KP");
    assertEquals(2L, (long) sCnKp.getAs(UNITS_AB), "two sentences of a3");
    assertEquals(1L, (long) sCnKp.getAs(ARTICLES), "one article");
  }

  @Test
  void watchCountsArticlesWithEveryWatchedEntity() {
    CooccurConfig config = CooccurConfig.DEFAULT;
    Dataset<Row> keys = Cooccurrence.entityKeys(mentions(), config);
    Dataset<Row> names = spark.createDataFrame(List.of(RowFactory.create("person:vladimir-putin", "Vladimir Putin")),
        new StructType().add(ENTITY_ID, DataTypes.StringType).add(NAME, DataTypes.StringType));
    Dataset<Row> topics = spark.createDataFrame(List.of(RowFactory.create("a1", 3), RowFactory.create("a2", 3)),
        new StructType().add(ARTICLE_ID, DataTypes.StringType).add(TOPIC_ID, DataTypes.IntegerType));
    Dataset<Row> articles = articles();
    List<Row> rows = Watch.rows(keys, articles, Watch.items(spark, WatchConfig.RUSSIA_NORTH_KOREA), names,
        Series.allPeriods(articles, Period.MONTH), topics, WatchConfig.DEFAULT, TrendsConfig.DEFAULT).collectAsList();
    assertEquals(1, rows.size(), "one watch item, one period: " + rows);
    Row r = rows.get(0);
    assertEquals(2L, (long) r.getAs(ARTICLES), "a1 (Moscow counts for Russia) and a2");
    assertEquals(0.5, r.<Double>getAs(SHARE), 1e-12, "2 of 4 articles");
    List<Row> top = r.getList(r.fieldIndex(TOP_ENTITIES));
    assertEquals(1, top.size(), "Putin is the only other entity (the candidate is not): " + top);
    assertEquals("Vladimir Putin", top.get(0).getAs(NAME));
    List<Row> samples = r.getList(r.fieldIndex(SAMPLE_TITLES));
    assertEquals(List.of("a1", "a2"), samples.stream().map(s -> (String) s.getAs(ARTICLE_ID)).toList(), "earliest first");
    List<Row> topTopics = r.getList(r.fieldIndex(TOP_TOPICS));
    assertEquals("3", topTopics.get(0).getAs(TOPIC_ID), "topic 3 in both articles");
    assertEquals(2L, (long) topTopics.get(0).getAs(ARTICLES));
    assertTrue(r.getAs(NPMI) != null, "a pair has an npmi");
  }
}
