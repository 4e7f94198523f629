package io.trendwire.cooccur;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.TrendsConfig;
import io.trendwire.config.WatchConfig;
import io.trendwire.config.WatchItem;
import io.trendwire.trends.Series;
import io.trendwire.trends.TrendStats;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * watch/: the watched entities and pairs of the config, period by period. An article counts for a
 * watch item when it mentions all of its entities (after roll-up, with no top-K limit: the
 * watch follows every article).
 */
public final class Watch {
  private static final String ENTITIES_COL = "_entities";

  private Watch() {}

  /** The watch items as a small dataset: watch_id, watch_entities (array, in config order). */
  public static Dataset<Row> items(SparkSession spark, List<WatchItem> items) {
    List<Row> rows = new ArrayList<>();
    for (WatchItem i : items) {
      rows.add(RowFactory.create(i.id(), scala.jdk.javaapi.CollectionConverters.asScala(i.entities()).toList()));
    }
    return spark.createDataFrame(rows, new StructType().add(WATCH_ID, DataTypes.StringType, false)
        .add(WATCH_ENTITIES, DataTypes.createArrayType(DataTypes.StringType, false), false));
  }

  /**
   * watch/ rows. Input: {@code keys} from {@link Cooccurrence#entityKeys}; counted articles
   * (article_id, period, published, title); the items from {@link #items}; names (entity_id,
   * name); the corpus periods; {@code topics}, (article_id, topic_id) of the counted articles, or
   * null before topics exist (top_topics is then empty).
   *
   * <p>Output, one row per item and period (complete series): watch_id, watch_entities, period,
   * articles (counted articles mentioning all the item's entities), period_articles, share,
   * pmi, npmi, llr, lift (document scope, within the period, for items of exactly two entities;
   * null otherwise), the {@link TrendStats#COLUMNS}, top_entities (array of struct entity_id,
   * name, articles: the most co-mentioned other entities of those articles, most articles first,
   * ties by id), top_topics (array of struct topic_id (string), articles), sample_titles (array of
   * struct article_id, title: the earliest articles of the period, ties by id). Arrays are empty,
   * never null, in periods without articles.
   */
  public static Dataset<Row> rows(Dataset<Row> keys, Dataset<Row> countedArticles, Dataset<Row> items, Dataset<Row> names,
      Dataset<Row> periods, Dataset<Row> topics, WatchConfig config, TrendsConfig trends) {
    Dataset<Row> sets = keys.groupBy(ARTICLE_ID).agg(collect_set(ENTITY_ID).alias(ENTITIES_COL));
    // Items are few (the config's list): the cross join is articles × items.
    Dataset<Row> members = sets.crossJoin(items)
        .filter(size(array_except(col(WATCH_ENTITIES), col(ENTITIES_COL))).equalTo(0))
        .select(col(WATCH_ID), col(ARTICLE_ID), col(ENTITIES_COL), col(WATCH_ENTITIES));
    Dataset<Row> articles = countedArticles.select(ARTICLE_ID, PERIOD);
    Dataset<Row> series = Series.complete(members, List.of(WATCH_ID), articles, List.of(), periods, 0)
        .join(items, WATCH_ID);

    // Marginals of a pair's two entities, per period, for its association measures.
    Dataset<Row> single = sets.select(col(ARTICLE_ID), explode(col(ENTITIES_COL)).alias(ENTITY_ID))
        .join(articles, ARTICLE_ID).groupBy(ENTITY_ID, PERIOD).agg(count(lit(1)).alias("_units"));
    Column isPair = size(col(WATCH_ENTITIES)).equalTo(2);
    Dataset<Row> withMargins = series
        .withColumn("_ea", when(isPair, col(WATCH_ENTITIES).getItem(0)))
        .withColumn("_eb", when(isPair, col(WATCH_ENTITIES).getItem(1)))
        .join(single.select(col(ENTITY_ID).alias("_ea"), col(PERIOD), col("_units").alias("_ua")),
            Cooccurrence.seq("_ea", PERIOD), "left")
        .join(single.select(col(ENTITY_ID).alias("_eb"), col(PERIOD), col("_units").alias("_ub")),
            Cooccurrence.seq("_eb", PERIOD), "left");
    Column ab = col(ARTICLES);
    Column ua = coalesce(col("_ua"), lit(0L));
    Column ub = coalesce(col("_ub"), lit(0L));
    Column n = col(PERIOD_ARTICLES);
    Dataset<Row> measured = withMargins.select(col(WATCH_ID), col(WATCH_ENTITIES), col(PERIOD), col(ARTICLES),
        col(PERIOD_ARTICLES), col(SHARE),
        when(isPair, PairMeasures.pmi(ab, ua, ub, n)).alias(PMI),
        when(isPair, PairMeasures.npmi(ab, ua, ub, n)).alias(NPMI),
        when(isPair, PairMeasures.llr(ab, ua, ub, n)).alias(LLR),
        when(isPair, PairMeasures.lift(ab, ua, ub, n)).alias(LIFT));
    Dataset<Row> stats = TrendStats.annotate(measured, List.of(WATCH_ID), ARTICLES, PERIOD_ARTICLES, SHARE, trends);

    Dataset<Row> memberPeriods = members.join(countedArticles.select(ARTICLE_ID, PERIOD, PUBLISHED, TITLE), ARTICLE_ID);
    Dataset<Row> topEntities = top(memberPeriods
            .select(col(WATCH_ID), col(PERIOD), col(ARTICLE_ID),
                explode(array_except(col(ENTITIES_COL), col(WATCH_ENTITIES))).alias(ENTITY_ID))
            .groupBy(WATCH_ID, PERIOD, ENTITY_ID).agg(count(lit(1)).alias(ARTICLES))
            .join(names, Cooccurrence.seq(ENTITY_ID), "left")
            .withColumn(NAME, coalesce(col(NAME), col(ENTITY_ID))),
        col(ENTITY_ID), config.topEntities(), TOP_ENTITIES, col(ENTITY_ID), col(NAME), col(ARTICLES));
    Dataset<Row> samples = top(memberPeriods, col(PUBLISHED).asc(), config.sampleTitles(), SAMPLE_TITLES,
        col(ARTICLE_ID), col(TITLE));
    StructType topicStruct = new StructType().add(TOPIC_ID, DataTypes.StringType).add(ARTICLES, DataTypes.LongType);
    Dataset<Row> result = stats.join(topEntities, Cooccurrence.seq(WATCH_ID, PERIOD), "left")
        .join(samples, Cooccurrence.seq(WATCH_ID, PERIOD), "left");
    if (topics != null) {
      Dataset<Row> topTopics = top(members.join(articles, ARTICLE_ID)
              .join(topics.select(col(ARTICLE_ID), col(TOPIC_ID).cast("string").alias(TOPIC_ID)), ARTICLE_ID)
              .groupBy(WATCH_ID, PERIOD, TOPIC_ID).agg(count(lit(1)).alias(ARTICLES)),
          col(TOPIC_ID), config.topTopics(), TOP_TOPICS, col(TOPIC_ID), col(ARTICLES));
      result = result.join(topTopics, Cooccurrence.seq(WATCH_ID, PERIOD), "left");
    } else {
      result = result.withColumn(TOP_TOPICS, lit(null).cast(DataTypes.createArrayType(topicStruct)));
    }
    List<Column> columns = new ArrayList<>();
    for (String c : stats.columns()) {
      columns.add(col(c));
    }
    columns.add(emptyIfNull(TOP_ENTITIES, result));
    columns.add(emptyIfNull(TOP_TOPICS, result));
    columns.add(emptyIfNull(SAMPLE_TITLES, result));
    return result.select(columns.toArray(Column[]::new)).orderBy(WATCH_ID, PERIOD);
  }

  private static Column emptyIfNull(String name, Dataset<Row> df) {
    return coalesce(col(name), org.apache.spark.sql.functions.array().cast(df.schema().apply(name).dataType())).alias(name);
  }

  /**
   * The first {@code limit} rows of each watch item and period as an array of structs, ordered by
   * articles (most first, when the rows have that column) or by {@code order}, then by
   * {@code tie}. Output: watch_id, period, {@code name}.
   */
  private static Dataset<Row> top(Dataset<Row> rows, Column order, int limit, String name, Column... fields) {
    boolean byArticles = List.of(rows.columns()).contains(ARTICLES);
    Column[] ordering = byArticles ? new Column[] {col(ARTICLES).desc(), order} : new Column[] {order, col(ARTICLE_ID)};
    Dataset<Row> ranked = rows.withColumn("_rank", row_number().over(Window.partitionBy(WATCH_ID, PERIOD).orderBy(ordering)))
        .filter(col("_rank").leq(limit));
    List<Column> inStruct = new ArrayList<>(List.of(col("_rank")));
    inStruct.addAll(List.of(fields));
    // collect_list does not keep an order: sort the structs by their leading rank, then drop it.
    Column sorted = sort_array(collect_list(struct(inStruct.toArray(Column[]::new))));
    String lambda = "transform(_sorted, s -> named_struct(" + String.join(", ",
        java.util.Arrays.stream(fields).map(f -> "'" + f.toString() + "', s." + f.toString()).toList()) + "))";
    return ranked.groupBy(WATCH_ID, PERIOD).agg(sorted.alias("_sorted"))
        .select(col(WATCH_ID), col(PERIOD), org.apache.spark.sql.functions.expr(lambda).alias(name));
  }

}
