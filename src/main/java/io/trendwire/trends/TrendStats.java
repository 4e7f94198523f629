package io.trendwire.trends;

import static io.trendwire.schema.Columns.*;

import io.trendwire.config.TrendsConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The surprise columns of any trend series: entity_trends, pair_trends, watch and topic_trends
 * all go through {@link #annotate}. The statistics are those of {@link SeriesStats} (trailing
 * pooled baseline and z on the share, Kleinberg bursts on count of total, slope of the share).
 */
public final class TrendStats {
  private TrendStats() {}

  /** The columns {@link #annotate} appends, in order. */
  public static final List<String> COLUMNS = List.of(BASELINE_MEAN, BASELINE_SD, Z, SLOPE, BURST, BURST_LEVEL,
      BURST_START, BURST_END, BURST_WEIGHT);

  /**
   * Adds the trend statistics to complete series.
   *
   * <p>Input: one row per key × period, every period from the first to the last present for every
   * key (empty periods as rows with count 0: the statistics assume no gaps and treat each row as
   * the next period). Columns: {@code keys} (identify a series; may be null), period (date, not
   * null), {@code count} (long, not null: articles of the series in the period), {@code total}
   * (long, not null: all articles of the period the share is normalised by) and {@code share}
   * (double, not null).
   *
   * <p>Output: the input rows (order not kept) plus baseline_mean, baseline_sd, z, slope (double,
   * null where {@link SeriesStats} says so), burst (boolean), burst_level (int, 0 or 1),
   * burst_start, burst_end (date: the burst interval holding the period, null outside bursts) and
   * burst_weight (double, null outside bursts). Each series is held in memory on one executor
   * while its statistics are computed: a series has one value per period, so it is small.
   */
  public static Dataset<Row> annotate(Dataset<Row> series, List<String> keys, String count, String total, String share,
      TrendsConfig config) {
    StructType in = series.schema();
    StructType keySchema = new StructType();
    int[] keyIdx = new int[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      keyIdx[i] = in.fieldIndex(keys.get(i));
      keySchema = keySchema.add(in.fields()[keyIdx[i]]);
    }
    StructType out = in
        .add(BASELINE_MEAN, DataTypes.DoubleType, true)
        .add(BASELINE_SD, DataTypes.DoubleType, true)
        .add(Z, DataTypes.DoubleType, true)
        .add(SLOPE, DataTypes.DoubleType, true)
        .add(BURST, DataTypes.BooleanType, false)
        .add(BURST_LEVEL, DataTypes.IntegerType, false)
        .add(BURST_START, DataTypes.DateType, true)
        .add(BURST_END, DataTypes.DateType, true)
        .add(BURST_WEIGHT, DataTypes.DoubleType, true);
    int periodIdx = in.fieldIndex(PERIOD);
    int countIdx = in.fieldIndex(count);
    int totalIdx = in.fieldIndex(total);
    int shareIdx = in.fieldIndex(share);
    int width = in.size();
    return series
        .groupByKey((MapFunction<Row, Row>) r -> {
          Object[] k = new Object[keyIdx.length];
          for (int i = 0; i < k.length; i++) {
            k[i] = r.get(keyIdx[i]);
          }
          return RowFactory.create(k);
        }, Encoders.row(keySchema))
        .flatMapGroups((FlatMapGroupsFunction<Row, Row, Row>) (key, rows) -> {
          List<Row> list = new ArrayList<>();
          rows.forEachRemaining(list::add);
          list.sort(Comparator.comparing((Row r) -> r.getDate(periodIdx)));
          int n = list.size();
          long[] c = new long[n];
          long[] t = new long[n];
          double[] s = new double[n];
          for (int i = 0; i < n; i++) {
            Row r = list.get(i);
            c[i] = ((Number) r.get(countIdx)).longValue();
            t[i] = ((Number) r.get(totalIdx)).longValue();
            s[i] = ((Number) r.get(shareIdx)).doubleValue();
          }
          SeriesStats st = SeriesStats.compute(c, t, s, config);
          List<Row> result = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            Row r = list.get(i);
            Object[] v = new Object[width + COLUMNS.size()];
            for (int j = 0; j < width; j++) {
              v[j] = r.get(j);
            }
            boolean burst = st.bursts.burst(i);
            v[width] = nullable(st.baselineMean[i]);
            v[width + 1] = nullable(st.baselineSd[i]);
            v[width + 2] = nullable(st.z[i]);
            v[width + 3] = nullable(st.slope[i]);
            v[width + 4] = burst;
            v[width + 5] = st.bursts.state()[i];
            v[width + 6] = burst ? list.get(st.bursts.start()[i]).getDate(periodIdx) : null;
            v[width + 7] = burst ? list.get(st.bursts.end()[i]).getDate(periodIdx) : null;
            v[width + 8] = burst ? st.bursts.weight()[i] : null;
            result.add(RowFactory.create(v));
          }
          return result.iterator();
        }, Encoders.row(out));
  }

  private static Double nullable(double x) {
    return Double.isNaN(x) || Double.isInfinite(x) ? null : x;
  }

}
