package io.trendwire.trends;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.Period;
import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Complete trend series (every period a row, empty periods zeros) from article memberships. */
public final class Series {
  private Series() {}

  /**
   * Every period start from the first to the last period of {@code articles} (a small dataset:
   * one row per period). Input: article rows with period (date). Output: period (date).
   */
  public static Dataset<Row> allPeriods(Dataset<Row> articles, Period period) {
    Row range = articles.agg(min(PERIOD), max(PERIOD)).first();
    List<Row> rows = new ArrayList<>();
    if (!range.isNullAt(0)) {
      ChronoUnit unit = switch (period) {
        case DAY -> ChronoUnit.DAYS;
        case WEEK -> ChronoUnit.WEEKS;
        case MONTH -> ChronoUnit.MONTHS;
      };
      for (LocalDate d = range.getDate(0).toLocalDate(); !d.isAfter(range.getDate(1).toLocalDate()); d = d.plus(1, unit)) {
        rows.add(RowFactory.create(Date.valueOf(d)));
      }
    }
    SparkSession spark = articles.sparkSession();
    return spark.createDataFrame(rows, new StructType().add(PERIOD, DataTypes.DateType, false));
  }

  /**
   * Counted articles once per split: split = "language" with split_value = the article's language
   * ("und" when unknown), and split = "source" with split_value = its source ("unknown" when
   * null), keeping only the values with at least {@code minArticles} articles. Input: article_id,
   * period, language, source. Output: article_id, period, split, split_value.
   */
  public static Dataset<Row> splitArticles(Dataset<Row> articles, int minArticles) {
    Dataset<Row> byLanguage = articles.select(col(ARTICLE_ID), col(PERIOD), lit(LANGUAGE).alias(SPLIT),
        coalesce(col(LANGUAGE), lit("und")).alias(SPLIT_VALUE));
    Dataset<Row> bySource = articles.select(col(ARTICLE_ID), col(PERIOD), lit(SOURCE).alias(SPLIT),
        coalesce(col(SOURCE), lit("unknown")).alias(SPLIT_VALUE));
    Dataset<Row> all = byLanguage.unionByName(bySource);
    Dataset<Row> kept = all.groupBy(col(SPLIT).alias("_k_split"), col(SPLIT_VALUE).alias("_k_value"))
        .agg(count(lit(1)).alias("_k_n")).filter(col("_k_n").geq(minArticles));
    return all.join(kept, col(SPLIT).equalTo(col("_k_split")).and(col(SPLIT_VALUE).equalTo(col("_k_value"))), "left_semi");
  }

  /**
   * Complete series of article counts and shares.
   *
   * <p>Input: {@code members}, one row per series key × article it counts (columns {@code keys}
   * and article_id; duplicates are counted once); {@code articles}, the counted articles
   * (article_id, period and the {@code groups} columns, e.g. split and split_value, which a series
   * is also cut by and its share normalised within); {@code periods} from {@link #allPeriods}.
   *
   * <p>Output: keys, groups, period, articles (long), period_articles (long: articles of the
   * period, within the group), share (double: articles / period_articles, 0 when the period has
   * none), for every key × group with at least {@code minArticles} articles in total and every
   * period. Keys must not be null.
   */
  public static Dataset<Row> complete(Dataset<Row> members, List<String> keys, Dataset<Row> articles,
      List<String> groups, Dataset<Row> periods, long minArticles) {
    List<String> groupPeriod = Stream.concat(groups.stream(), Stream.of(PERIOD)).toList();
    List<String> keyGroups = Stream.concat(keys.stream(), groups.stream()).toList();
    Dataset<Row> totals = articles.groupBy(cols(groupPeriod)).agg(count(lit(1)).alias(PERIOD_ARTICLES));
    Dataset<Row> counts = members.select(cols(Stream.concat(keys.stream(), Stream.of(ARTICLE_ID)).toList())).distinct()
        .join(articles, ARTICLE_ID)
        .groupBy(cols(Stream.concat(keyGroups.stream(), Stream.of(PERIOD)).toList()))
        .agg(count(lit(1)).alias(ARTICLES));
    Dataset<Row> kept = counts.groupBy(cols(keyGroups)).agg(sum(ARTICLES).alias("_n"))
        .filter(col("_n").geq(minArticles)).drop("_n");
    Dataset<Row> grid = kept.crossJoin(periods);
    // Groups with no article in a period still need a zero total: the grid's own groups join it.
    scala.collection.immutable.Seq<String> gp = scala.jdk.javaapi.CollectionConverters.asScala(groupPeriod).toList();
    scala.collection.immutable.Seq<String> kgp = scala.jdk.javaapi.CollectionConverters
        .asScala(Stream.concat(keyGroups.stream(), Stream.of(PERIOD)).toList()).toList();
    Column n = coalesce(col(ARTICLES), lit(0L));
    Column total = coalesce(col(PERIOD_ARTICLES), lit(0L));
    return grid.join(counts, kgp, "left").join(totals, gp, "left")
        .select(Stream.concat(Stream.concat(keyGroups.stream(), Stream.of(PERIOD)).map(c -> col(c)), Stream.of(
            n.alias(ARTICLES), total.alias(PERIOD_ARTICLES),
            when(total.gt(0), n.divide(total)).otherwise(lit(0.0)).alias(SHARE))).toArray(Column[]::new));
  }

  private static Column[] cols(List<String> names) {
    return names.stream().map(c -> col(c)).toArray(Column[]::new);
  }
}
