package io.trendwire.trends;

import static io.trendwire.schema.Columns.PERIOD;
import static io.trendwire.schema.Columns.PUBLISHED;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.to_date;

import io.trendwire.config.Period;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Assigns each article its reporting period: the first day of its day, ISO week (Monday) or
 * month. Spark truncates timestamps in the session time zone, which the job sets to the config's
 * {@code timeZone} (UTC by default), so periods start at local midnight of the report's zone.
 *
 * <p>Input: published (timestamp, not null). Output: the input plus period (date).
 */
public final class Periods {
  private Periods() {}

  public static Dataset<Row> assign(Dataset<Row> articles, Period period) {
    return articles.withColumn(PERIOD, periodStart(col(PUBLISHED), period));
  }

  public static Column periodStart(Column published, Period period) {
    String unit = switch (period) {
      case DAY -> "DAY";
      case WEEK -> "WEEK";
      case MONTH -> "MONTH";
    };
    return to_date(date_trunc(unit, published));
  }
}
