package io.trendwire.trends;

import io.trendwire.config.TrendsConfig;

/**
 * The statistics of one complete series (periods in order, no gaps), as plain arrays so they are
 * tested without Spark. Inputs per period t: count[t] (articles in the series), total[t] (all
 * articles of the period, or of the period's language or source in split series) and share[t]
 * (count / total, 0 when total is 0).
 *
 * <ul>
 *   <li>Baseline: mean and sample standard deviation of share over the W = baselinePeriods
 *       periods before t (fewer at the start of the series). Null (NaN) until minHistory periods
 *       of history exist.
 *   <li>z = (share - mean) / max(sd, binomial floor). The floor is the standard error a share
 *       would have by chance at the baseline rate with this period's total:
 *       sqrt(p (1 - p) / total[t]), with p = (Σcount + 0.5) / (Σtotal + 1) over the baseline
 *       window (smoothed, so a history of zeros still has a non-zero floor). So z is never a
 *       division by zero: a flat history (sd 0) is judged by the binomial floor alone, and few
 *       articles in a period cannot make a large z out of noise. z is null when there is too
 *       little history or the period has no articles at all (total 0).
 *   <li>Burst: {@link Bursts} over (count, total) of the whole series.
 *   <li>Slope: least-squares slope of share per period over the N = slopePeriods periods ending
 *       at t (fewer at the start); null with fewer than 2 periods.
 * </ul>
 */
public final class SeriesStats {
  public final double[] baselineMean;
  public final double[] baselineSd;
  public final double[] z;
  public final double[] slope;
  public final Bursts.Result bursts;

  private SeriesStats(int n, Bursts.Result bursts) {
    baselineMean = new double[n];
    baselineSd = new double[n];
    z = new double[n];
    slope = new double[n];
    this.bursts = bursts;
  }

  public static SeriesStats compute(long[] count, long[] total, double[] share, TrendsConfig config) {
    int n = count.length;
    SeriesStats out = new SeriesStats(n, Bursts.detect(count, total, config.burstScale(), config.burstGamma()));
    int w = config.baselinePeriods();
    for (int t = 0; t < n; t++) {
      int from = Math.max(0, t - w);
      int h = t - from;
      out.baselineMean[t] = Double.NaN;
      out.baselineSd[t] = Double.NaN;
      out.z[t] = Double.NaN;
      if (h >= config.minHistory() && h > 0) {
        double sum = 0;
        long cs = 0;
        long ts = 0;
        for (int i = from; i < t; i++) {
          sum += share[i];
          cs += count[i];
          ts += total[i];
        }
        double mean = sum / h;
        double ss = 0;
        for (int i = from; i < t; i++) {
          ss += (share[i] - mean) * (share[i] - mean);
        }
        double sd = h > 1 ? Math.sqrt(ss / (h - 1)) : 0;
        out.baselineMean[t] = mean;
        out.baselineSd[t] = sd;
        if (total[t] > 0) {
          double p = (cs + 0.5) / (ts + 1.0);
          double floor = Math.sqrt(p * (1 - p) / total[t]);
          out.z[t] = (share[t] - mean) / Math.max(sd, floor);
        }
      }
      out.slope[t] = slope(share, Math.max(0, t - config.slopePeriods() + 1), t);
    }
    return out;
  }

  /** Least-squares slope of y[from..to] against the index; NaN with fewer than 2 points. */
  static double slope(double[] y, int from, int to) {
    int m = to - from + 1;
    if (m < 2) {
      return Double.NaN;
    }
    double mx = (m - 1) / 2.0;
    double my = 0;
    for (int i = from; i <= to; i++) {
      my += y[i];
    }
    my /= m;
    double num = 0;
    double den = 0;
    for (int i = 0; i < m; i++) {
      num += (i - mx) * (y[from + i] - my);
      den += (i - mx) * (i - mx);
    }
    return num / den;
  }
}
