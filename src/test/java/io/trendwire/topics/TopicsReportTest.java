package io.trendwire.topics;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendwire.SparkTestSession;
import io.trendwire.TrendWireJob;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample run (the Quick start config): topics/, topic_trends/, article columns, manifest, saved model. */
class TopicsReportTest {
  @TempDir
  Path tmp;

  @Test
  void sampleRunWritesTheTopicReports() throws Exception {
    TrendWireConfig config = ConfigLoader.load(Paths.get("conf", "sample.json"));
    Path out = tmp.resolve("sample");
    config = config.withOutput(config.output().withPath(out.toString()));
    SparkSession spark = SparkTestSession.get();
    TrendWireJob.run(spark, config);
    int k = config.topics().k();

    Dataset<Row> topics = spark.read().parquet(out.resolve("topics").toString());
    assertEquals(k, topics.count(), "one row per topic");
    double prevalence = topics.agg(sum(PREVALENCE)).first().getDouble(0);
    assertEquals(1.0, prevalence, 1e-6, "prevalences of a global model sum to 1");
    for (Row t : topics.collectAsList()) {
      List<Row> terms = t.getList(t.fieldIndex(TERMS));
      assertEquals(config.topics().termsPerTopic(), terms.size(), "terms listed for topic " + t.getInt(0));
      double c = t.getDouble(t.fieldIndex(COHERENCE));
      assertTrue(c >= -1 && c <= 1, "NPMI in [-1, 1]: " + c);
      assertTrue(t.getString(t.fieldIndex(LABEL)).contains(terms.get(0).getString(0)), "the label starts from the terms");
    }

    Dataset<Row> articles = spark.read().parquet(out.resolve("articles").toString());
    assertTrue(List.of(articles.columns()).containsAll(List.of(TOPIC_ID, TOPIC_WEIGHTS)), "article topic columns");
    long withTopic = articles.filter(col(TOPIC_ID).isNotNull()).count();
    assertTrue(withTopic > articles.count() * 0.9, "nearly every article has a topic: " + withTopic);
    long countedWithTopic = articles.filter(col(DUPLICATE_OF).isNull()).filter(col(TOPIC_ID).isNotNull()).count();

    Dataset<Row> trends = spark.read().parquet(out.resolve("topic_trends").toString());
    Dataset<Row> overall = trends.filter(col(SPLIT).equalTo("all"));
    long periods = overall.select(PERIOD).distinct().count();
    assertEquals(12, periods, "the sample covers the 12 months of 2024, every one a row");
    assertEquals(k * periods, overall.count(), "complete series: topics x periods");
    assertEquals(countedWithTopic, overall.agg(sum(ARTICLES)).first().getLong(0),
        "each counted article is the dominant article of one topic in one period");
    long languages = articles.filter(col(DUPLICATE_OF).isNull()).select(LANGUAGE).distinct().count();
    assertEquals(k * periods * languages, trends.filter(col(SPLIT).equalTo(LANGUAGE)).count(),
        "language split: topics x periods x languages");
    assertTrue(List.of(trends.columns()).contains(Z), "z column");
    assertTrue(overall.filter(col(ARTICLES).gt(0)).filter(functionsSize(TERMS)).count() > 0,
        "periods where a topic dominates articles list its terms");
    assertEquals(0, trends.filter(col(SPLIT).notEqual("all")).filter(col(TERMS).isNotNull()).count(),
        "terms only on the overall rows");

    JsonNode manifest = new ObjectMapper().readTree(Files.readString(out.resolve("_manifest.json")));
    JsonNode metrics = manifest.get("model_metrics").get("topics");
    double coherence = metrics.get("coherence_npmi").asDouble();
    double mean = topics.agg(org.apache.spark.sql.functions.avg(COHERENCE)).first().getDouble(0);
    assertEquals(mean, coherence, 1e-9, "the manifest's coherence is the mean of the topics'");
    assertTrue(metrics.get("log_perplexity").isNumber(), "log-perplexity recorded");

    PipelineModel saved = TopicIO.load(out.resolve("topics_model").resolve("all").toString());
    assertEquals(3, saved.stages().length, "analyser, vectorizer, LDA");
    assertFalse(Files.exists(out.resolve("topics_model").resolve("en")), "global mode saves one model");
  }

  private static org.apache.spark.sql.Column functionsSize(String column) {
    return org.apache.spark.sql.functions.size(col(column)).gt(0);
  }
}
