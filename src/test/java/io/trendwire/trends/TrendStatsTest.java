package io.trendwire.trends;

import static io.trendwire.schema.Columns.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.TrendsConfig;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Baseline, z, slope and Kleinberg bursts against hand-computed values; planted and flat series. */
class TrendStatsTest {
  private static final TrendsConfig DEFAULTS = TrendsConfig.DEFAULT;

  private static double[] shares(long[] c, long[] d) {
    double[] s = new double[c.length];
    for (int i = 0; i < c.length; i++) {
      s[i] = d[i] == 0 ? 0 : (double) c[i] / d[i];
    }
    return s;
  }

  @Test
  void slopeIsTheLeastSquaresSlope() {
    assertEquals(1.0, SeriesStats.slope(new double[] {0, 1, 2, 3}, 0, 3), 1e-12, "a line of slope 1");
    // x = 0,1,2, y = 1,3,2: mean x 1, mean y 2, Σ(x-1)(y-2) = 1·... = (-1)(-1) + 0 + (1)(0) = 1, Σ(x-1)² = 2.
    assertEquals(0.5, SeriesStats.slope(new double[] {1, 3, 2}, 0, 2), 1e-12, "hand-computed slope");
    assertTrue(Double.isNaN(SeriesStats.slope(new double[] {1}, 0, 0)), "one point has no slope");
  }

  @Test
  void zAgainstTheTrailingBaseline() {
    long[] c = {10, 20, 30, 50};
    long[] d = {100, 100, 100, 100};
    SeriesStats st = SeriesStats.compute(c, d, shares(c, d), DEFAULTS);
    // Baseline of t=3: 60 of 300 articles, mean 0.2. p = 60.5/301, v = p(1-p); Σn(s-p̄)² = 100 (0.01
    // + 0 + 0.01) = 2; τ² = (2 - 2v) / (300 - 30000/300) = 0.01 - v/100; deviation sqrt(v/100 + τ²)
    // = sqrt(0.01) = 0.1 (with equal totals the moment estimate is the sample variance), z = 3.
    assertEquals(0.2, st.baselineMean[3], 1e-12, "baseline mean");
    assertEquals(0.1, st.baselineSd[3], 1e-12, "baseline deviation");
    assertEquals(3.0, st.z[3], 1e-9, "z");
    for (int t = 0; t < 3; t++) {
      assertTrue(Double.isNaN(st.z[t]), "z is null with fewer than minHistory=3 periods of history, t=" + t);
    }
  }

  @Test
  void baselineIsPooledOverTheWindowsArticles() {
    long[] c = {1, 2, 2, 9};
    long[] d = {5, 100, 100, 100};
    SeriesStats st = SeriesStats.compute(c, d, shares(c, d), DEFAULTS);
    // 5 of 205 articles, not the mean of the shares 0.2, 0.02, 0.02 (0.08): 5 articles weigh little.
    assertEquals(5.0 / 205, st.baselineMean[3], 1e-12, "pooled baseline");
  }

  @Test
  void zOfAFlatZeroHistoryUsesTheBinomialFloor() {
    long[] c = {0, 0, 0, 5, 0};
    long[] d = {100, 100, 100, 100, 0};
    SeriesStats st = SeriesStats.compute(c, d, shares(c, d), DEFAULTS);
    // Mean 0, τ² 0; p = 0.5 / 301 = 0.0016611; deviation sqrt(p (1-p) / 100) = 0.0040723;
    // z = 0.05 / 0.0040723 = 12.278.
    assertEquals(0.0040723, st.baselineSd[3], 1e-7, "binomial deviation of a flat history");
    assertEquals(12.278, st.z[3], 1e-3, "z against the binomial floor");
    assertTrue(Double.isNaN(st.z[4]), "a period without articles has no z");
  }

  @Test
  void kleinbergBurstByHand() {
    long[] r = {1, 1, 8, 1};
    long[] d = {10, 10, 10, 10};
    // p0 = 11/40 = 0.275, p1 = 0.55. The burst state saves c0 - c1 = r ln 2 + (d - r) ln(0.45/0.725)
    // per period: -3.600 for r = 1, 8 ln 2 + 2 ln(0.62069) = 4.5913 for r = 8; entering costs
    // γ ln 4 = 1.386 with γ = 1 (2.773 with γ = 2): only period 2 is a burst, weight 4.5913.
    for (double gamma : new double[] {1, 2}) {
      Bursts.Result b = Bursts.detect(r, d, 2, gamma);
      assertArrayEquals(new int[] {0, 0, 1, 0}, b.state(), "burst states, gamma " + gamma);
      assertEquals(4.5913, b.weight()[2], 1e-4, "weight of the burst");
      assertEquals(2, b.start()[2], "interval start");
      assertEquals(2, b.end()[2], "interval end");
    }
    // With γ = 4 entering costs 4 ln 4 = 5.545 > 4.591: no burst.
    assertArrayEquals(new int[] {0, 0, 0, 0}, Bursts.detect(r, d, 2, 4).state(), "too costly to enter");
    assertArrayEquals(new int[] {0, 0, 0}, Bursts.detect(new long[] {0, 0, 0}, new long[] {5, 5, 5}, 2, 1).state(),
        "no events, no burst");
  }

  @Test
  void kleinbergIntervalSpansConsecutiveBurstPeriods() {
    long[] r = {2, 2, 2, 9, 9, 9, 2, 2};
    long[] d = {20, 20, 20, 20, 20, 20, 20, 20};
    Bursts.Result b = Bursts.detect(r, d, 2, 2);
    assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 0, 0}, b.state(), "one three-period burst");
    for (int t = 3; t <= 5; t++) {
      assertEquals(3, b.start()[t], "start at " + t);
      assertEquals(5, b.end()[t], "end at " + t);
    }
  }

  private static long binomial(Random rng, long n, double p) {
    long k = 0;
    for (long i = 0; i < n; i++) {
      if (rng.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  /**
   * 1,000 flat series (24 periods, 20–500 articles a period, a constant rate drawn from 1–30 %,
   * binomial noise; fixed seed): at most 1 % of them have any period flagged as a burst. The same
   * series with the rate tripled in periods 15 and 16 are flagged there in at least 90 % of cases,
   * and z there exceeds 3.
   */
  @Test
  void plantedBurstsAreFoundAndFlatSeriesAreNot() {
    Random rng = new Random(20241119);
    int n = 24;
    int falseSeries = 0;
    int found = 0;
    int zFound = 0;
    int zFalse = 0;
    int zPeriods = 0;
    for (int i = 0; i < 1000; i++) {
      long[] d = new long[n];
      long[] c = new long[n];
      double p = 0.01 + 0.29 * rng.nextDouble();
      for (int t = 0; t < n; t++) {
        d[t] = 20 + rng.nextInt(481);
        c[t] = binomial(rng, d[t], p);
      }
      SeriesStats flat = SeriesStats.compute(c, d, shares(c, d), DEFAULTS);
      for (int t = 0; t < n; t++) {
        if (flat.bursts.burst(t)) {
          falseSeries++;
          break;
        }
      }
      for (int t = 0; t < n; t++) {
        if (!Double.isNaN(flat.z[t])) {
          zPeriods++;
          zFalse += flat.z[t] > 3 ? 1 : 0;
        }
      }
      for (int t = 15; t <= 16; t++) {
        c[t] = binomial(rng, d[t], 3 * p);
      }
      SeriesStats planted = SeriesStats.compute(c, d, shares(c, d), DEFAULTS);
      if (planted.bursts.burst(15) && planted.bursts.burst(16)) {
        found++;
      }
      if (planted.z[15] > 3) {
        zFound++;
      }
    }
    assertTrue(falseSeries <= 10, "flat series with a false burst: " + falseSeries + " of 1000");
    assertTrue(found >= 900, "planted bursts found: " + found + " of 1000");
    assertTrue(zFalse <= zPeriods / 100, "flat-series periods with z > 3: " + zFalse + " of " + zPeriods);
    assertTrue(zFound >= 900, "planted bursts with z > 3: " + zFound + " of 1000");
  }

  @Test
  void annotateAddsTheStatisticsPerSeries() {
    StructType schema = new StructType().add(ENTITY_ID, DataTypes.StringType).add(PERIOD, DataTypes.DateType)
        .add(ARTICLES, DataTypes.LongType).add(PERIOD_ARTICLES, DataTypes.LongType).add(SHARE, DataTypes.DoubleType);
    long[] burst = {1, 1, 8, 1};
    long[] flat = {0, 0, 0, 0};
    List<Row> rows = new ArrayList<>();
    for (int t = 3; t >= 0; t--) {
      Date p = Date.valueOf("2024-0" + (t + 1) + "-01");
      rows.add(RowFactory.create("a", p, burst[t], 10L, burst[t] / 10.0));
      rows.add(RowFactory.create("b", p, flat[t], 10L, 0.0));
    }
    Dataset<Row> series = SparkTestSession.get().createDataFrame(rows, schema);
    TrendsConfig gamma1 = new TrendsConfig(null, null, null, null, 1.0, null, null);
    List<Row> out = TrendStats.annotate(series, List.of(ENTITY_ID), ARTICLES, PERIOD_ARTICLES, SHARE, gamma1)
        .orderBy(ENTITY_ID, PERIOD).collectAsList();
    assertEquals(8, out.size(), "one row per input row");
    Row march = out.get(2);
    assertEquals("a", march.getAs(ENTITY_ID));
    assertTrue((Boolean) march.getAs(BURST), "March is the burst of series a");
    assertEquals(1, (int) march.getAs(BURST_LEVEL));
    assertEquals(Date.valueOf("2024-03-01"), march.getAs(BURST_START), "interval start");
    assertEquals(Date.valueOf("2024-03-01"), march.getAs(BURST_END), "interval end");
    assertNull(march.getAs(Z), "two periods of history are fewer than minHistory");
    Row april = out.get(3);
    assertFalse((Boolean) april.getAs(BURST), "April is not");
    assertNull(april.getAs(BURST_START), "no interval outside bursts");
    assertEquals(SeriesStats.compute(burst, new long[] {10, 10, 10, 10}, new double[] {.1, .1, .8, .1}, gamma1).z[3],
        (Double) april.getAs(Z), 1e-12, "z as SeriesStats computes it");
    for (Row r : out.subList(4, 8)) {
      assertFalse((Boolean) r.getAs(BURST), "series b has no events, no burst: " + r);
    }
  }
}
