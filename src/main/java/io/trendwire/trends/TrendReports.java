package io.trendwire.trends;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.trendwire.config.TrendsConfig;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The trend datasets of entities: entity_trends/ with its statistics, and its split by language and source. */
public final class TrendReports {
  private TrendReports() {}

  /**
   * entity_trends/ with statistics. Input: the complete series of {@code EntityReports.trends}
   * (entity_id, name, period, articles, mentions, share) and the counted articles (article_id,
   * period). Output: the input columns, period_articles (all counted articles of the period) and
   * the {@link TrendStats#COLUMNS}, ordered by entity and period.
   */
  public static Dataset<Row> entityTrends(Dataset<Row> series, Dataset<Row> countedArticles, TrendsConfig config) {
    Dataset<Row> totals = countedArticles.groupBy(PERIOD).agg(count(lit(1)).alias(PERIOD_ARTICLES));
    Dataset<Row> withTotals = series.join(totals, series.col(PERIOD).equalTo(totals.col(PERIOD)), "left")
        .select(series.col("*"), org.apache.spark.sql.functions.coalesce(totals.col(PERIOD_ARTICLES), lit(0L))
            .alias(PERIOD_ARTICLES));
    return TrendStats.annotate(withTotals, List.of(ENTITY_ID), ARTICLES, PERIOD_ARTICLES, SHARE, config)
        .orderBy(col(ENTITY_ID), col(PERIOD));
  }

  /**
   * entity_trends_split/: the entity series cut by language and by source. Input: counted
   * mentions (article_id, entity_id), counted articles (article_id, period, language, source),
   * entities/ (entity_id, name), the corpus periods. Output: entity_id, name, split ("language" or
   * "source"), split_value, period, articles, period_articles (the period's articles in that
   * language or source), share, and the {@link TrendStats#COLUMNS}; complete series for every
   * entity × split value with at least {@code minArticles} articles, for split values with at
   * least trends.splitMinArticles articles.
   */
  public static Dataset<Row> entityTrendsSplit(Dataset<Row> countedMentions, Dataset<Row> countedArticles,
      Dataset<Row> entities, Dataset<Row> periods, int minArticles, TrendsConfig config) {
    Dataset<Row> split = Series.splitArticles(countedArticles, config.splitMinArticles());
    Dataset<Row> series = Series.complete(countedMentions.select(ENTITY_ID, ARTICLE_ID), List.of(ENTITY_ID), split,
        List.of(SPLIT, SPLIT_VALUE), periods, minArticles);
    Dataset<Row> named = series.join(entities.select(ENTITY_ID, NAME), ENTITY_ID)
        .select(col(ENTITY_ID), col(NAME), col(SPLIT), col(SPLIT_VALUE), col(PERIOD), col(ARTICLES),
            col(PERIOD_ARTICLES), col(SHARE));
    return TrendStats.annotate(named, List.of(ENTITY_ID, SPLIT, SPLIT_VALUE), ARTICLES, PERIOD_ARTICLES, SHARE, config)
        .orderBy(col(ENTITY_ID), col(SPLIT), col(SPLIT_VALUE), col(PERIOD));
  }
}
