package io.trendwire.topics;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TopicsConfig;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.ingest.IngestIO;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * bench/topics, the Spark side: on one corpus (a conf file), fits TrendWire's topic model and the
 * bare MLlib pipeline (RegexTokenizer, English stop words, CountVectorizer, LDA, Spark defaults
 * but the seed, which is TrendWire's),
 * times each, and writes for the Python side: the top terms of both, TrendWire's tokens after the
 * vocabulary bounds (so the Python models get the same tokens), the display form of each term and
 * the raw text (for the shared reference tokenisation).
 *
 * <p>Args: conf file, output folder, optionally a JSON object of topics settings that override the
 * conf's (e.g. {"k": 20}), and "trendwire-only" to print TrendWire's figures on one line and stop
 * (bench/topics/sweep.sh).
 */
public final class TopicsBenchMain {
  public static void main(String[] args) throws Exception {
    TrendWireConfig config = ConfigLoader.load(Paths.get(args[0]));
    Path out = Paths.get(args[1]);
    Files.createDirectories(out);
    ObjectMapper json = new ObjectMapper();
    TopicsConfig tc = config.topics();
    if (args.length > 2) {
      Map<String, Object> merged = json.convertValue(tc, Map.class);
      merged.putAll(json.readValue(args[2], Map.class));
      tc = json.convertValue(merged, TopicsConfig.class);
    }
    SparkSession spark = SparkSession.builder().master("local[2]").appName("bench-topics")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> articles = IngestIO.readRecords(spark, config.input(), 0, Instant.now())
        .filter(col(REASON).isNull()).select(col(ARTICLE_ID), col(TITLE), col(TEXT), col(LANGUAGE), DUPLICATE_OF_NULL())
        .repartition(8).cache();
    long n = articles.count();

    long t0 = System.nanoTime();
    TopicModeler.Result result = new TopicModeler(tc).model(articles);
    double twSeconds = (System.nanoTime() - t0) / 1e9;
    TopicModel model = result.models().get(0);
    Map<String, String> display = new HashMap<>();
    for (Row r : TopicReports.surfaces(result.articles()).collectAsList()) {
      display.put(r.getString(0), r.getString(1));
    }
    List<List<String>> twTopics = new ArrayList<>();
    List<List<String>> twStems = new ArrayList<>();
    for (int t = 0; t < model.k(); t++) {
      List<String> shown = new ArrayList<>();
      List<String> stems = new ArrayList<>();
      for (int w : TopicReports.distinctlyShown(model, t, 10, display)) {
        stems.add(model.vocabulary()[w]);
        shown.add(display.getOrDefault(model.vocabulary()[w], model.vocabulary()[w]));
      }
      twTopics.add(shown);
      twStems.add(stems);
    }
    Set<String> vocab = new HashSet<>(List.of(model.vocabulary()));
    try (BufferedWriter tokens = Files.newBufferedWriter(out.resolve("tokens.txt"), StandardCharsets.UTF_8);
        BufferedWriter raw = Files.newBufferedWriter(out.resolve("docs.jsonl"), StandardCharsets.UTF_8)) {
      // Bench only: the corpus is small enough to pass to Python through files.
      for (Row r : result.articles().select(TOPIC_TERMS_COLUMN, TITLE, TEXT).collectAsList()) {
        List<String> terms = r.getList(0);
        tokens.write(String.join(" ", terms.stream().filter(vocab::contains).toList()));
        tokens.newLine();
        raw.write(json.writeValueAsString(List.of(r.isNullAt(1) ? "" : r.getString(1), r.isNullAt(2) ? "" : r.getString(2))));
        raw.newLine();
      }
    }
    Map<String, String> vocabDisplay = new LinkedHashMap<>();
    for (String v : model.vocabulary()) {
      vocabDisplay.put(v, display.getOrDefault(v, v));
    }

    double internalCoherence = internalCoherence(result, model, twStems);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("articles", n);
    report.put("settings", tc);
    report.put("vocabulary", model.vocabulary().length);
    report.put("trendwire", Map.of("seconds", twSeconds, "topics", twTopics, "stems", twStems,
        "internal_coherence", internalCoherence, "log_perplexity", model.logPerplexity()));
    report.put("display", vocabDisplay);
    if (args.length > 3 && args[3].equals("trendwire-only")) {
      json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("spark.json").toFile(), report);
      System.out.printf("%s\tNPMI %.4f\tlog-perplexity %.4f\t%.1f s\tvocabulary %d%n", args[2],
          internalCoherence, model.logPerplexity(), twSeconds, model.vocabulary().length);
      spark.stop();
      return;
    }
    long t1 = System.nanoTime();
    Dataset<Row> bare = articles.withColumn("_raw", concat_ws(" ", coalesce(col(TITLE), lit("")), coalesce(col(TEXT), lit(""))));
    PipelineModel mllib = new Pipeline().setStages(new PipelineStage[] {
        new RegexTokenizer().setInputCol("_raw").setOutputCol("_words"),
        new StopWordsRemover().setInputCol("_words").setOutputCol("_kept"),
        new CountVectorizer().setInputCol("_kept").setOutputCol("features"),
        new LDA().setK(tc.k()).setSeed(tc.seed())}).fit(bare);
    mllib.transform(bare).count();
    double mllibSeconds = (System.nanoTime() - t1) / 1e9;
    String[] bareVocab = ((CountVectorizerModel) mllib.stages()[2]).vocabulary();
    List<List<String>> bareTopics = new ArrayList<>();
    for (Row r : ((LDAModel) mllib.stages()[3]).describeTopics(10).collectAsList()) {
      List<Integer> idx = r.getList(1);
      bareTopics.add(idx.stream().map(i -> bareVocab[i]).toList());
    }

    report.put("mllib", Map.of("seconds", mllibSeconds, "topics", bareTopics));
    json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("spark.json").toFile(), report);
    System.out.printf("spark side: %d articles, TrendWire %.1f s, bare MLlib %.1f s%n", n, twSeconds, mllibSeconds);
    spark.stop();
  }

  private static org.apache.spark.sql.Column DUPLICATE_OF_NULL() {
    return lit(null).cast("string").alias(DUPLICATE_OF);
  }

  /** TrendWire's own NPMI (on its analysed terms), as topics/ reports it. */
  private static double internalCoherence(TopicModeler.Result result, TopicModel model, List<List<String>> stems) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < model.vocabulary().length; i++) {
      index.put(model.vocabulary()[i], i);
    }
    int[] terms = stems.stream().flatMap(List::stream).distinct().mapToInt(index::get).toArray();
    Map<Integer, Integer> slot = new HashMap<>();
    for (int i = 0; i < terms.length; i++) {
      slot.put(terms[i], i);
    }
    Coherence.Counts c = Coherence.count(result.articles().select(TOPIC_COUNTS_COLUMN), terms);
    return stems.stream().mapToDouble(s -> Coherence.topic(c, s.stream().mapToInt(x -> slot.get(index.get(x))).toArray()))
        .average().orElse(Double.NaN);
  }
}
