package io.trendwire.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.schema.Columns;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The case-ratio evidence that a capitalised word is a common word of its language. */
class CommonWordsTest {
  private static final StructType ARTICLES = new StructType()
      .add(Columns.LANGUAGE, DataTypes.StringType, true).add(Columns.TEXT, DataTypes.StringType, true);

  private static HashMap<String, HashSet<String>> common(int minCapitalised, Row... rows) {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> articles = spark.createDataFrame(List.of(rows), ARTICLES).repartition(2);
    Broadcast<EntityMatcher> matcher = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .broadcast(EntityMatcher.compile(new Gazetteer(List.of(), List.of())));
    return CommonWords.find(articles, matcher, minCapitalised, Long.MAX_VALUE);
  }

  @Test
  void onlyLanguagesWithMoreTextThanTheBudgetAreSampledDownToIt() {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new java.util.ArrayList<>();
    String hundred = "x".repeat(100);
    for (int k = 0; k < 4000; k++) {
      rows.add(RowFactory.create("en", hundred));  // 400,000 bytes of English
    }
    for (int k = 0; k < 50; k++) {
      rows.add(RowFactory.create("ko", hundred));  // 5,000 bytes of Korean
      rows.add(RowFactory.create(null, hundred));  // 5,000 without a language
    }
    Dataset<Row> articles = spark.createDataFrame(rows, ARTICLES).repartition(3);
    Dataset<Row> sample = CommonWords.sample(articles, 100_000);
    long english = sample.filter("language = 'en'").count();
    // About a quarter of the English articles (binomial sd ≈ 27 of 1,000); the rest all stay.
    assertTrue(english > 850 && english < 1150, "English sampled to about 100,000 bytes: " + english);
    assertEquals(50, sample.filter("language = 'ko'").count(), "a language under the budget is read whole");
    assertEquals(50, sample.filter("language is null").count(), "so are articles without a language");
    assertEquals(english, CommonWords.sample(articles, 100_000).filter("language = 'en'").count(),
        "a fixed seed: the same sample every time");
    assertEquals(rows.size(), CommonWords.sample(articles, 1_000_000).count(), "a budget above the corpus keeps all");
  }

  @Test
  void wordsWrittenMostlyInLowerCaseAreCommonInTheirLanguage() {
    HashMap<String, HashSet<String>> common = common(1,
        RowFactory.create("it", "Il paese vota. Tutto il paese aspetta il Paese di domani con Obermaier."),
        RowFactory.create("it", "Nel paese, Obermaier parla. Poi Obermaier tace e il Paese ascolta."),
        RowFactory.create("en", "The Paese restaurant opened. We ate at the Paese again."),
        RowFactory.create(null, "The union met. A union spoke to the Union and the union."),
        RowFactory.create("it", null));
    Set<String> italian = common.getOrDefault("it", new HashSet<>());
    assertTrue(italian.contains(MatchForms.of("Paese")), "3 lower-case of 5 mid-sentence: common in Italian; " + common);
    assertFalse(italian.contains(MatchForms.of("Obermaier")), "never in lower case: a name; " + common);
    assertFalse(common.getOrDefault("en", new HashSet<>()).contains(MatchForms.of("Paese")),
        "the evidence is per language: no lower-case Paese in English; " + common);
    assertTrue(common.getOrDefault(CommonWords.NO_LANGUAGE, new HashSet<>()).contains(MatchForms.of("union")),
        "articles without a language pool under und; " + common);
    assertFalse(italian.contains(MatchForms.of("tutto")), "never capitalised mid-sentence: never a candidate; " + common);
  }

  @Test
  void sentenceStartsAndCapitalsAreNoEvidenceAndRareWordsNeedEnoughCapitals() {
    HashMap<String, HashSet<String>> common = common(2,
        RowFactory.create("en", "Ledger shares rose. Ledger said the ledger grew. NORTHERN LEDGER rallied."),
        RowFactory.create("en", "The Ledger reported to the Ledger board. The ledger balanced and the ledger closed. The Storm came."),
        RowFactory.create("en", "A storm hit. The storm passed."));
    Set<String> english = common.getOrDefault("en", new HashSet<>());
    assertTrue(english.contains(MatchForms.of("ledger")), "lower 3, capitalised mid-sentence 2; " + common);
    assertFalse(english.contains(MatchForms.of("storm")),
        "one capitalised occurrence cannot make a candidate of 2 articles: not collected; " + common);
    assertEquals(1, common.size(), "only English: " + common);
  }
}
