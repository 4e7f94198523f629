package io.trendwire.topics;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TopicsConfig;
import io.trendwire.config.TopicsMode;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.ingest.IngestIO;
import io.trendwire.language.LanguageIdentifier;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * docs/topics.md, "Languages": the two topic modes on a mixed-language corpus (the KCNA archive,
 * English, plus the fundus pages, ~25 languages). Prints, per mode, each topic's label, language
 * and the languages of the articles it dominates. Args: the two conf files, then k.
 */
public final class TopicModesMain {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().master("local[2]").appName("topic-modes")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Dataset<Row> all = null;
    TrendWireConfig first = null;
    for (String conf : List.of(args[0], args[1])) {
      TrendWireConfig c = ConfigLoader.load(Paths.get(conf));
      first = first == null ? c : first;
      Dataset<Row> a = IngestIO.readRecords(spark, c.input(), 0, Instant.now()).filter(col(REASON).isNull())
          .select(col(ARTICLE_ID), col(TITLE), col(TEXT), col(LANGUAGE), col(SOURCE), lit(null).cast("string").alias(DUPLICATE_OF));
      all = all == null ? a : all.unionByName(a);
    }
    Dataset<Row> articles = new LanguageIdentifier(first.language()).identify(all.repartition(8)).cache();
    System.out.println("articles by language: " + counts(articles.groupBy(LANGUAGE).count()));
    int k = Integer.parseInt(args[2]);
    for (TopicsMode mode : TopicsMode.values()) {
      TopicsConfig tc = new TopicsConfig(true, mode, k, null, null, null, null, null, null, null, null, null, null, null, null, null, false,
          null, 10, null);
      TopicModeler.Result r = new TopicModeler(tc).model(articles);
      TopicReports.Topics topics = TopicReports.topics(r.articles(), r.models(), TopicReports.surfaces(r.articles()), 10);
      Map<Integer, String> langs = new HashMap<>();
      for (Row row : r.articles().filter(col(TOPIC_ID).isNotNull()).groupBy(TOPIC_ID, LANGUAGE).agg(count(lit(1)).alias("n"))
          .orderBy(col("n").desc()).groupBy(TOPIC_ID).agg(concat_ws(" ", collect_list(concat_ws(":", col(LANGUAGE), col("n")))))
          .collectAsList()) {
        langs.put(row.getInt(0), row.getString(1));
      }
      long none = r.articles().filter(col(TOPIC_ID).isNull()).count();
      System.out.printf("%n== mode %s: %d model(s) %s; articles without a topic: %d; coherence %s%n", mode.id(),
          r.models().size(), r.models().stream().map(m -> m.language() == null ? "all" : m.language()).toList(), none,
          topics.metrics().get("coherence_npmi"));
      for (Row t : topics.topics().orderBy(col(PREVALENCE).desc()).collectAsList()) {
        System.out.printf("  %3d %-4s %.3f  %-60s  articles by language: %s%n", t.getInt(0),
            t.isNullAt(1) ? "" : t.getString(1), t.getDouble(5), t.getString(2), langs.getOrDefault(t.getInt(0), "-"));
      }
    }
    spark.stop();
  }

  private static String counts(Dataset<Row> df) {
    StringBuilder b = new StringBuilder();
    for (Row r : df.orderBy(col("count").desc()).collectAsList()) {
      b.append(r.get(0)).append(':').append(r.getLong(1)).append(' ');
    }
    return b.toString().trim();
  }
}
