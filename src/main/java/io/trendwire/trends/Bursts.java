package io.trendwire.trends;

/**
 * Kleinberg's two-state burst model for batched counts ("Bursty and Hierarchical Structure in
 * Streams", KDD 2002, section 4, the binomial form for documents arriving in batches): in period t,
 * r[t] of d[t] articles are relevant. State 0 emits at the series' base rate p0 = Σr / Σd, state 1
 * at p1 = s·p0 (capped at (1 + p0) / 2 so it stays below 1). The cost of a period in state i is
 * -ln(p_i^r (1 - p_i)^(d - r)) (the binomial coefficient is the same in both states and cancels);
 * entering state 1 costs γ·ln(n) for n periods, leaving it is free. The cheapest state sequence
 * (Viterbi, starting in state 0) marks the burst periods; each maximal run of state 1 is an
 * interval whose weight is the cost it saves over state 0, Kleinberg's measure of a burst's
 * strength.
 */
public final class Bursts {
  private Bursts() {}

  /** The state sequence and each period's interval (start, end index and weight; -1/NaN outside). */
  public record Result(int[] state, int[] start, int[] end, double[] weight) {
    public boolean burst(int t) {
      return state[t] == 1;
    }
  }

  public static Result detect(long[] r, long[] d, double s, double gamma) {
    int n = r.length;
    int[] state = new int[n];
    int[] start = new int[n];
    int[] end = new int[n];
    double[] weight = new double[n];
    java.util.Arrays.fill(start, -1);
    java.util.Arrays.fill(end, -1);
    java.util.Arrays.fill(weight, Double.NaN);
    long rs = 0;
    long ds = 0;
    for (int t = 0; t < n; t++) {
      rs += r[t];
      ds += d[t];
    }
    if (n == 0 || rs == 0 || ds == 0 || rs == ds) {
      // No events, or every article is an event: no rate can be higher than the base rate.
      return new Result(state, start, end, weight);
    }
    double p0 = (double) rs / ds;
    double p1 = Math.min(s * p0, (1 + p0) / 2);
    double enter = gamma * Math.log(n);
    double[] c0 = new double[n];
    double[] c1 = new double[n];
    for (int t = 0; t < n; t++) {
      c0[t] = cost(r[t], d[t], p0);
      c1[t] = cost(r[t], d[t], p1);
    }
    // Viterbi over two states; from[t][j] = state at t-1 on the cheapest path into state j at t.
    int[][] from = new int[n][2];
    double best0 = c0[0];
    double best1 = enter + c1[0];
    for (int t = 1; t < n; t++) {
      double stay0 = best0;
      double down = best1;
      double n0 = Math.min(stay0, down) + c0[t];
      from[t][0] = stay0 <= down ? 0 : 1;
      double up = best0 + enter;
      double stay1 = best1;
      double n1 = Math.min(up, stay1) + c1[t];
      from[t][1] = stay1 < up ? 1 : 0;
      best0 = n0;
      best1 = n1;
    }
    int s0 = best0 <= best1 ? 0 : 1;
    for (int t = n - 1; t >= 0; t--) {
      state[t] = s0;
      s0 = t > 0 ? from[t][s0] : 0;
    }
    for (int t = 0; t < n; ) {
      if (state[t] != 1) {
        t++;
        continue;
      }
      int e = t;
      double w = 0;
      while (e < n && state[e] == 1) {
        w += c0[e] - c1[e];
        e++;
      }
      for (int i = t; i < e; i++) {
        start[i] = t;
        end[i] = e - 1;
        weight[i] = w;
      }
      t = e;
    }
    return new Result(state, start, end, weight);
  }

  /** -ln(p^r (1-p)^(d-r)); 0·ln 0 is 0. */
  static double cost(long r, long d, double p) {
    double c = 0;
    if (r > 0) {
      c -= r * Math.log(p);
    }
    if (d - r > 0) {
      c -= (d - r) * Math.log1p(-p);
    }
    return c;
  }
}
