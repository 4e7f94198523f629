package io.trendwire.topics;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.TopicsConfig;
import io.trendwire.config.TopicsMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic stage on articles built in code: two themes with disjoint words (missiles, harvests)
 * in English and German. The model finds them, is repeatable with a seed, saves and reloads.
 */
class TopicModelerTest {
  @TempDir
  Path tmp;

  private static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(TITLE, DataTypes.StringType, true)
      .add(TEXT, DataTypes.StringType, true)
      .add(LANGUAGE, DataTypes.StringType, true)
      .add(DUPLICATE_OF, DataTypes.StringType, true);

  private static final String[][] EN = {
      {"missile", "launch", "rocket", "test", "warhead", "ballistic"},
      {"harvest", "wheat", "farm", "grain", "crop", "tractor"}};
  // Each theme shares one word with its English twin ("Test", "Farm"): what lets a global model
  // put a theme's two languages in one topic rather than split the corpus by language.
  private static final String[][] DE = {
      {"Rakete", "Start", "Sprengkopf", "Test", "ballistisch", "Abschuss"},
      {"Ernte", "Weizen", "Bauernhof", "Getreide", "Traktor", "Farm"}};

  static Dataset<Row> articles(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 80; i++) {
      // Half the articles are German (i % 4 = 2, 3), their theme alternating every four.
      boolean german = i % 4 >= 2;
      String[] words = (german ? DE : EN)[german ? (i / 4) % 2 : i % 2];
      StringBuilder text = new StringBuilder();
      for (int w = 0; w < 30; w++) {
        text.append(words[random.nextInt(words.length)]).append(' ');
      }
      rows.add(RowFactory.create("a" + i, null, text.toString(), german ? "de" : "en", null));
    }
    rows.add(RowFactory.create("copy", null, "missile launch rocket", "en", "a0"));
    rows.add(RowFactory.create("empty", "", null, "en", null));
    return spark.createDataFrame(rows, SCHEMA);
  }

  private static TopicsConfig config(TopicsMode mode) {
    return config(mode, 1.0);
  }

  private static TopicsConfig config(TopicsMode mode, double maxLanguageDocFreq) {
    return config(mode, maxLanguageDocFreq, "online");
  }

  private static TopicsConfig config(TopicsMode mode, double maxLanguageDocFreq, String optimizer) {
    return new TopicsConfig(true, mode, 2, 30, optimizer, null, 0.5, null, null, 1.0, 2.0, 0.9, maxLanguageDocFreq, 1000,
        null, null, false, 6, 10, 7L);
  }

  @Test
  void findsTheThemesRepeatablyAndReloads() {
    assertFindsTheThemesRepeatablyAndReloads(config(TopicsMode.GLOBAL));
  }

  /** The EM model is fitted as a graph and applied in its local form, which must read the same columns. */
  @Test
  void theEmOptimizerFindsTheThemesRepeatablyAndReloads() {
    assertFindsTheThemesRepeatablyAndReloads(config(TopicsMode.GLOBAL, 1.0, "em"));
  }

  /** The Gibbs sampler's model is built as an MLlib LocalLDAModel: MLlib applies, saves and reloads it. */
  @Test
  void theGibbsSamplerFindsTheThemesRepeatablyAndReloads() {
    assertFindsTheThemesRepeatablyAndReloads(config(TopicsMode.GLOBAL, 1.0, "gibbs"));
  }

  /**
   * Of several Gibbs chains, the model kept is the one whose top terms are most coherent on the
   * fitted articles: the same topics as that chain fitted alone with its seed. Two sweeps each,
   * so that the chains still differ.
   */
  @Test
  void ofSeveralGibbsChainsTheMostCoherentOnTheFittedArticlesIsKept() {
    SparkSession spark = SparkTestSession.get();
    int chains = 3;
    double[] coherence = new double[chains];
    List<TopicModel> alone = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      TopicModeler.Result r = new TopicModeler(gibbs(1, 7L + c * GibbsLda.CHAIN_SEED_STEP)).model(articles(spark));
      TopicModel m = r.models().get(0);
      Dataset<Row> fitted = r.articles().filter(col(DUPLICATE_OF).isNull()).select(TOPIC_COUNTS_COLUMN);
      coherence[c] = Coherence.of(fitted, TopicModeler.topTerms((LDAModel) m.pipeline().stages()[2], 6)).mean();
      alone.add(m);
    }
    int best = 0;
    for (int c = 1; c < chains; c++) {
      best = coherence[c] > coherence[best] ? c : best;
    }
    assertTrue(java.util.Arrays.stream(coherence).min().getAsDouble() < coherence[best],
        "the chains differ: " + java.util.Arrays.toString(coherence));
    TopicModel kept = new TopicModeler(gibbs(chains, 7L)).model(articles(spark)).models().get(0);
    for (int t = 0; t < kept.k(); t++) {
      assertArrayEquals(alone.get(best).topicTerms()[t], kept.topicTerms()[t], 1e-9, "chain " + best + ", topic " + t);
    }
  }

  private static TopicsConfig gibbs(int chains, long seed) {
    return new TopicsConfig(true, TopicsMode.GLOBAL, 2, 2, "gibbs", chains, 0.5, null, null, 1.0, 2.0, 0.9, 1.0, 1000,
        null, null, false, 6, 10, seed);
  }

  private void assertFindsTheThemesRepeatablyAndReloads(TopicsConfig config) {
    SparkSession spark = SparkTestSession.get();
    TopicModeler.Result first = new TopicModeler(config).model(articles(spark));
    TopicModeler.Result second = new TopicModeler(config).model(articles(spark));
    assertEquals(1, first.models().size(), "global mode: one model");
    TopicModel m = first.models().get(0);
    for (int t = 0; t < m.k(); t++) {
      assertArrayEquals(m.topicTerms()[t], second.models().get(0).topicTerms()[t], 1e-9, "same seed, same topic " + t);
    }

    Map<String, Integer> topicOf = new HashMap<>();
    for (Row r : first.articles().select(ARTICLE_ID, TOPIC_ID, TOPIC_WEIGHTS, TEXT).collectAsList()) {
      if (r.getString(0).equals("empty")) {
        assertNull(r.get(1), "an article with no terms has no topic");
        continue;
      }
      List<Double> w = r.getList(2);
      assertEquals(1.0, w.stream().mapToDouble(Double::doubleValue).sum(), 1e-6, "weights sum to 1");
      topicOf.put(r.getString(0), r.getInt(1));
    }
    // English missile articles are 0, 4, 8..., English harvest 1, 5, 9...: each theme one topic.
    int missiles = topicOf.get("a0");
    int harvests = topicOf.get("a1");
    assertNotEquals(missiles, harvests, "the two themes get different topics");
    for (int i = 0; i < 80; i += 4) {  // English: i % 4 = 0 (missiles) and 1 (harvests)
      assertEquals(missiles, topicOf.get("a" + i), "missile article a" + i);
      assertEquals(harvests, topicOf.get("a" + (i + 1)), "harvest article a" + (i + 1));
    }
    assertEquals(missiles, topicOf.get("copy"), "copies are not fitted on but get topics");

    String path = tmp.resolve("model-" + config.optimizer()).toString();
    TopicIO.save(m, path);
    PipelineModel reloaded = TopicIO.load(TopicIO.modelPath(path, m));
    List<Row> again = reloaded.transform(articles(spark).filter(col(ARTICLE_ID).equalTo("a0")))
        .select(TOPIC_DISTRIBUTION_COLUMN).collectAsList();
    Vector v = again.get(0).getAs(0);
    List<Double> original = first.articles().filter(col(ARTICLE_ID).equalTo("a0")).first().getList(
        first.articles().schema().fieldIndex(TOPIC_WEIGHTS));
    for (int t = 0; t < v.size(); t++) {
      assertEquals(original.get(t), v.apply(t), 1e-6, "the reloaded pipeline gives the same weights, topic " + t);
    }

    // The log-perplexity, computed from the weights the model gave the articles, is MLlib's own
    // bound on the originals (which infers their topics again, from another random start).
    Dataset<Row> originals = articles(spark).filter(col(DUPLICATE_OF).isNull());
    for (int stage = 0; stage < 2; stage++) {
      originals = ((Transformer) m.pipeline().stages()[stage]).transform(originals);
    }
    double mllib = ((LDAModel) m.pipeline().stages()[2]).logPerplexity(originals);
    assertEquals(mllib, m.logPerplexity(), 1e-6 * Math.abs(mllib), "MLlib's log-perplexity");
  }

  /**
   * maxDocFreq 1 means no upper bound; CountVectorizer would read a bound of 1 as one article.
   * ("everywhere" is in every article, half of them English, half German with another stem.)
   */
  @Test
  void maxDocFreqOneKeepsATermInEveryArticle() {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> everywhere = articles(spark).withColumn(TEXT,
        org.apache.spark.sql.functions.concat_ws(" ", col(TEXT), org.apache.spark.sql.functions.lit("everywhere")));
    for (double maxDocFreq : new double[] {0.4, 1.0}) {
      TopicsConfig c = new TopicsConfig(true, TopicsMode.GLOBAL, 2, 5, "online", null, 0.5, null, null, 1.0, 2.0, maxDocFreq,
          1.0, 1000, null, null, false, 6, 10, 7L);
      List<String> vocabulary = List.of(new TopicModeler(c).model(everywhere).models().get(0).vocabulary());
      assertEquals(maxDocFreq == 1.0, vocabulary.contains("everywhere"), "maxDocFreq " + maxDocFreq + ": " + vocabulary);
      assertTrue(vocabulary.contains("missile"), "maxDocFreq " + maxDocFreq + ": " + vocabulary);
    }
  }

  @Test
  void aWordInMostArticlesOfOneLanguageIsLeftOutThoughRareInTheCorpus() {
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = new ArrayList<>(articles(spark).collectAsList());
    // 20 French articles (a sixth of the corpus): every one has "zorblat", a quarter "chalutier".
    for (int i = 0; i < 20; i++) {
      rows.add(RowFactory.create("fr" + i, null, "zorblat navire port " + (i % 4 == 0 ? "chalutier " : "") + "mer pêche",
          "fr", null));
    }
    Dataset<Row> corpus = spark.createDataFrame(rows, SCHEMA);
    TopicsConfig base = config(TopicsMode.GLOBAL);
    List<String> without = List.of(new TopicModeler(base).model(corpus).models().get(0).vocabulary());
    List<String> with = List.of(new TopicModeler(config(TopicsMode.GLOBAL, 0.6)).model(corpus).models().get(0)
        .vocabulary());
    assertTrue(without.stream().anyMatch(v -> v.startsWith("zorbl")),
        "in a sixth of the corpus, under maxDocFreq 0.9: kept without the language bound; " + without);
    assertTrue(with.stream().noneMatch(v -> v.startsWith("zorbl")), "in every French article: left out; " + with);
    assertTrue(with.stream().anyMatch(v -> v.startsWith("chalut")), "in a quarter of them: kept; " + with);
    assertTrue(with.stream().anyMatch(v -> v.startsWith("missil")),
        "English theme words, in half the English articles, stay; " + with);
  }

  @Test
  void perLanguageFitsOneModelPerLanguageWithUniqueTopicIds() {
    SparkSession spark = SparkTestSession.get();
    TopicsConfig c = config(TopicsMode.PER_LANGUAGE);
    TopicModeler.Result r = new TopicModeler(c).model(articles(spark));
    assertEquals(List.of("de", "en"), r.models().stream().map(TopicModel::language).toList(), "a model per language");
    assertEquals(2, r.models().get(1).topicOffset(), "English topic ids follow German ones");
    assertEquals(40, r.articles().filter(col(LANGUAGE).equalTo("de")).filter(col(TOPIC_ID).isNotNull()).count(),
        "every German article has a German topic");
    for (Row row : r.articles().filter(col(TOPIC_ID).isNotNull()).select(LANGUAGE, TOPIC_ID).collectAsList()) {
      int id = row.getInt(1);
      assertTrue(row.getString(0).equals("de") ? id < 2 : id >= 2, "topic " + id + " belongs to the article's language");
    }
  }
}
