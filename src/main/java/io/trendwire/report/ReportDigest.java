package io.trendwire.report;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.trendwire.report.SvgCharts.Point;
import io.trendwire.report.SvgCharts.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The small aggregates report.html shows, read back from the written Parquet. Each list is
 * bounded (top N rows, or a few series over the run's periods); nothing article-level reaches the
 * driver. A list is null when its dataset is not in the report folder, so the page can say so.
 *
 * @param title report folder name
 * @param counts the manifest's counts
 * @param articlesPerPeriod accepted articles per period (x = period)
 * @param originalsPerPeriod originals (duplicate_of null) per period
 * @param languages, sources, rejectReasons top N counts (x = value)
 * @param topEntities entities/ rows, most articles first: name, type, country, articles, mentions
 * @param entityShares share series of the top entities that have trends
 * @param rising entity_trends/ in the last period, largest rise of share over the mean of the
 *     previous {@link #RISE_BASELINE} periods first: name, articles, share, baseline, rise, z
 * @param watch watch/ share series per watch_id, bursts marked
 * @param watchNotes per watch_id: latest period with articles, its top entities, topics, titles
 * @param pairs pairs/ of the network scope: name_a, name_b, articles, npmi, llr
 * @param topics topics/: topic_id, label, coherence, prevalence
 * @param topicShares topic_trends/ share series of the top topics
 */
public record ReportDigest(
    String title,
    Map<String, Object> counts,
    List<Point> articlesPerPeriod,
    List<Point> originalsPerPeriod,
    List<Point> languages,
    List<Point> sources,
    List<Point> rejectReasons,
    List<List<String>> topEntities,
    List<Series> entityShares,
    List<List<String>> rising,
    List<Series> watch,
    Map<String, List<String>> watchNotes,
    List<List<String>> pairs,
    List<List<String>> topics,
    List<Series> topicShares) {

  /** Periods before the current one whose mean share is the baseline of "rising". */
  public static final int RISE_BASELINE = 3;
  /** Series per chart: more lines than this are unreadable. */
  static final int SERIES = 6;
  /**
   * Pairs seen in one article only are left out of the top-pairs table: NPMI is 1 for any two
   * entities that each appear once, together, which says nothing.
   */
  static final int MIN_PAIR_ARTICLES = 2;
  /**
   * Trend datasets may hold split series (by language, by source) beside the overall one, told
   * apart by this column; the page shows the overall series (split = "all"). Columns.SPLIT where
   * the trends stage has landed.
   */
  static final String SPLIT = "split";
  static final String OVERALL = "all";

  /**
   * Reads the digest. {@code path} maps a dataset name ("articles") to its folder; a dataset whose
   * folder is absent gives null lists.
   */
  public static ReportDigest read(SparkSession spark, Function<String, String> path, String title,
      Map<String, Object> counts, int topN, String pairScope) {
    Reader r = new Reader(spark, path);
    Dataset<Row> articles = r.dataset("articles");
    List<Point> perPeriod = new ArrayList<>();
    List<Point> originals = new ArrayList<>();
    if (articles != null) {
      for (Row row : articles.groupBy(PERIOD)
          .agg(count(lit(1)), sum(when(col(DUPLICATE_OF).isNull(), 1).otherwise(0)))
          .orderBy(PERIOD).collectAsList()) {
        perPeriod.add(new Point(row.get(0).toString(), row.getLong(1)));
        originals.add(new Point(row.get(0).toString(), row.getLong(2)));
      }
    }
    List<Point> languages = articles == null ? List.of() : topCounts(articles, LANGUAGE, topN);
    List<Point> sources = articles == null ? List.of() : topCounts(articles, SOURCE, topN);
    Dataset<Row> rejects = r.dataset("rejects");
    List<Point> reasons = rejects == null ? List.of() : topCounts(rejects, REASON, 100);

    Dataset<Row> entities = r.dataset("entities");
    List<List<String>> topEntities = entities == null ? null
        : strings(entities.orderBy(desc(ARTICLES), col(ENTITY_ID)).limit(topN)
            .select(ENTITY_ID, NAME, TYPE, COUNTRY, ARTICLES, MENTIONS));
    Dataset<Row> trends = overall(r.dataset("entity_trends"));
    List<Series> entityShares = null;
    List<List<String>> rising = null;
    if (trends != null) {
      List<String> ids = new ArrayList<>();
      // The most mentioned entities that have a series (entity_trends/ keeps those above a threshold).
      Dataset<Row> withTrend = trends.groupBy(ENTITY_ID).agg(sum(ARTICLES).as(ARTICLES))
          .orderBy(desc(ARTICLES), col(ENTITY_ID)).limit(SERIES);
      withTrend.collectAsList().forEach(row -> ids.add(row.getString(0)));
      entityShares = series(trends.filter(col(ENTITY_ID).isin(ids.toArray())), ENTITY_ID, NAME, SHARE, null, ids);
      rising = risingEntities(trends, topN);
    }

    Dataset<Row> watchDs = overall(r.dataset("watch"));
    List<Series> watch = null;
    Map<String, List<String>> watchNotes = null;
    if (watchDs != null) {
      List<String> ids = watchDs.select(WATCH_ID).distinct().orderBy(WATCH_ID).limit(SERIES).collectAsList()
          .stream().map(row -> row.getString(0)).toList();
      String burst = Arrays.asList(watchDs.columns()).contains(BURST) ? BURST : null;
      watch = series(watchDs.filter(col(WATCH_ID).isin(ids.toArray())), WATCH_ID, WATCH_ID, SHARE, burst, ids);
      watchNotes = new LinkedHashMap<>();
      WindowSpec latest = Window.partitionBy(WATCH_ID).orderBy(desc(PERIOD));
      List<String> noteColumns = new ArrayList<>(List.of(WATCH_ID, PERIOD, ARTICLES));
      for (String c : List.of(TOP_ENTITIES, TOP_TOPICS, SAMPLE_TITLES)) {
        if (Arrays.asList(watchDs.columns()).contains(c)) {
          noteColumns.add(c);
        }
      }
      Dataset<Row> notes = watchDs.filter(col(ARTICLES).gt(0))
          .withColumn("_rank", org.apache.spark.sql.functions.row_number().over(latest))
          .filter(col("_rank").equalTo(1)).select(noteColumns.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new));
      for (Row row : notes.orderBy(WATCH_ID).limit(SERIES).collectAsList()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i < noteColumns.size(); i++) {
          values.add(noteColumns.get(i) + ": " + text(row.get(i)));
        }
        watchNotes.put(row.getString(0), values);
      }
    }

    Dataset<Row> pairsDs = r.dataset("pairs");
    List<List<String>> pairs = pairsDs == null ? null
        : strings(pairsDs.filter(col(SCOPE).equalTo(pairScope).and(col(ARTICLES).geq(MIN_PAIR_ARTICLES)))
            .orderBy(desc(NPMI), desc(ARTICLES), col(ENTITY_A), col(ENTITY_B)).limit(topN)
            .select(NAME_A, NAME_B, ARTICLES, NPMI, LLR));

    Dataset<Row> topicsDs = r.dataset("topics");
    List<List<String>> topics = null;
    List<Series> topicShares = null;
    if (topicsDs != null) {
      topics = strings(topicsDs.orderBy(desc(PREVALENCE), col(TOPIC_ID)).limit(topN)
          .select(TOPIC_ID, LABEL, COHERENCE, PREVALENCE));
      Dataset<Row> topicTrends = overall(r.dataset("topic_trends"));
      if (topicTrends != null) {
        List<String> ids = topics.stream().limit(SERIES).map(t -> t.get(0)).toList();
        Dataset<Row> labelled = topicTrends.withColumn(TOPIC_ID, col(TOPIC_ID).cast("string"))
            .filter(col(TOPIC_ID).isin(ids.toArray()))
            .join(topicsDs.select(col(TOPIC_ID).cast("string").as(TOPIC_ID), col(LABEL)), TOPIC_ID);
        topicShares = series(labelled, TOPIC_ID, LABEL, SHARE, null, ids);
      }
    }
    return new ReportDigest(title, counts, perPeriod, originals, languages, sources, reasons, topEntities,
        entityShares, rising, watch, watchNotes, pairs, topics, topicShares);
  }

  /**
   * Entities in the last period of entity_trends/, by how far their share rose above its mean over
   * the previous {@link #RISE_BASELINE} periods (0 where there are none).
   */
  private static List<List<String>> risingEntities(Dataset<Row> trends, int topN) {
    WindowSpec before = Window.partitionBy(ENTITY_ID).orderBy(PERIOD).rowsBetween(-RISE_BASELINE, -1);
    Dataset<Row> withBaseline = trends.withColumn("baseline", org.apache.spark.sql.functions.coalesce(
        avg(SHARE).over(before), lit(0.0)));
    Object last = trends.agg(max(PERIOD)).first().get(0);
    if (last == null) {
      return List.of();
    }
    boolean hasZ = Arrays.asList(trends.columns()).contains(Z);
    return strings(withBaseline.filter(col(PERIOD).equalTo(lit(last)).and(col(ARTICLES).gt(0)))
        .withColumn("rise", col(SHARE).minus(col("baseline")))
        .orderBy(desc("rise"), col(ENTITY_ID)).limit(topN)
        .select(col(NAME), col(PERIOD), col(ARTICLES), col(SHARE), col("baseline"), col("rise"),
            hasZ ? col(Z) : lit(null).cast("double")));
  }

  /** The overall rows of a trend dataset (all rows when it has no split column); null stays null. */
  static Dataset<Row> overall(Dataset<Row> trends) {
    return trends == null || !Arrays.asList(trends.columns()).contains(SPLIT) ? trends
        : trends.filter(col(SPLIT).equalTo(OVERALL));
  }

  private static List<Point> topCounts(Dataset<Row> df, String column, int n) {
    List<Point> out = new ArrayList<>();
    for (Row row : df.groupBy(column).count().orderBy(desc("count"), col(column)).limit(n).collectAsList()) {
      out.add(new Point(row.isNullAt(0) ? "(none)" : row.get(0).toString(), row.getLong(1)));
    }
    return out;
  }

  /** Series of {@code value} per {@code id} over period, in the order of {@code ids}. */
  private static List<Series> series(Dataset<Row> df, String id, String label, String value, String marked,
      List<String> ids) {
    Map<String, Series> byId = new LinkedHashMap<>();
    ids.forEach(i -> byId.put(i, null));
    List<Row> rows = df.select(col(id).cast("string"), col(label).cast("string"), col(PERIOD).cast("string"),
        col(value).cast("double"), marked == null ? lit(false) : col(marked).cast("boolean"))
        .orderBy(PERIOD).collectAsList();
    for (Row row : rows) {
      Series s = byId.get(row.getString(0));
      if (s == null) {
        s = new Series(row.getString(0), row.isNullAt(1) ? row.getString(0) : row.getString(1), new ArrayList<>());
        byId.put(row.getString(0), s);
      }
      s.points().add(new Point(row.getString(2), row.isNullAt(3) ? 0 : row.getDouble(3),
          !row.isNullAt(4) && row.getBoolean(4)));
    }
    return byId.values().stream().filter(s -> s != null).toList();
  }

  private static List<List<String>> strings(Dataset<Row> small) {
    List<List<String>> out = new ArrayList<>();
    for (Row row : small.collectAsList()) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(text(row.get(i)));
      }
      out.add(values);
    }
    return out;
  }

  /** A cell as text: arrays joined, null as empty. */
  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof scala.collection.Seq<?> seq) {
      return String.join("; ", scala.jdk.javaapi.CollectionConverters.asJava(seq).stream()
          .map(ReportDigest::text).toList());
    }
    if (value instanceof Row struct) {
      List<String> items = new ArrayList<>();
      for (int i = 0; i < struct.size(); i++) {
        items.add(text(struct.get(i)));
      }
      return String.join(" ", items);
    }
    if (value instanceof Double d) {
      return SvgCharts.label(d);
    }
    return value.toString();
  }

  /** Opens datasets that exist, by name. */
  private record Reader(SparkSession spark, Function<String, String> path) {
    Dataset<Row> dataset(String name) {
      String p = path.apply(name);
      return AnalystReports.exists(spark, p) ? spark.read().parquet(p) : null;
    }
  }
}
