package io.trendwire.trends;

import io.trendwire.config.TrendsConfig;

/**
 * The statistics of one complete series (periods in order, no gaps), as plain arrays so they are
 * tested without Spark. Inputs per period t: count[t] (articles in the series), total[t] (all
 * articles of the period, or of the period's language or source in split series) and share[t]
 * (count / total, 0 when total is 0).
 *
 * <ul>
 *   <li>Baseline mean: the share of all the articles of the W = baselinePeriods periods before t
 *       (Σcount / Σtotal over the window: a pooled rate, so a period of 5 articles weighs less
 *       than one of 300). Null (NaN) until minHistory periods of history exist.
 *   <li>Baseline deviation: the deviation the share of period t would have if nothing changed,
 *       sqrt(p(1 - p) / total[t] + τ²): binomial noise at the baseline rate for this period's
 *       total, plus τ², the variation between the window's periods beyond that noise
 *       (DerSimonian and Laird's 1986 moment estimator: τ² = max(0, (Σ n_i (s_i - p̄)² - (h - 1)
 *       p(1 - p)) / (Σn - Σn_i² / Σn)) over the h window periods with articles). p is smoothed,
 *       (Σcount + 0.5) / (Σtotal + 1), so a history of zeros still has a non-zero deviation.
 *   <li>z = (share - baseline mean) / baseline deviation. Never a division by zero: with
 *       total[t] > 0 the deviation is positive. Null when there is too little history or the
 *       period has no articles (total 0).
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
        long cs = 0;
        long ts = 0;
        double sq = 0;
        int withArticles = 0;
        for (int i = from; i < t; i++) {
          cs += count[i];
          ts += total[i];
          sq += (double) total[i] * total[i];
          withArticles += total[i] > 0 ? 1 : 0;
        }
        if (ts > 0) {
          double mean = (double) cs / ts;
          double p = (cs + 0.5) / (ts + 1.0);
          double v = p * (1 - p);
          double spread = 0;
          for (int i = from; i < t; i++) {
            spread += total[i] * (share[i] - mean) * (share[i] - mean);
          }
          double denominator = ts - sq / ts;
          double tau2 = denominator > 0 ? Math.max(0, (spread - (withArticles - 1) * v) / denominator) : 0;
          out.baselineMean[t] = mean;
          if (total[t] > 0) {
            out.baselineSd[t] = Math.sqrt(v / total[t] + tau2);
            out.z[t] = (share[t] - mean) / out.baselineSd[t];
          }
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
