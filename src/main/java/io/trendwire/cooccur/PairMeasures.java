package io.trendwire.cooccur;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Association measures of two entities from the 2×2 contingency table of units (articles or
 * sentences): ab units with both, a with the first, b with the second, n in all.
 *
 * <ul>
 *   <li>pmi = log2(ab·n / (a·b)); null when ab = 0.
 *   <li>npmi = pmi / -log2(ab / n), in [-1, 1]; 1 when ab = n (every unit has both); null when
 *       ab = 0.
 *   <li>lift = ab·n / (a·b) (= 2^pmi); 0 when ab = 0.
 *   <li>llr = Dunning's log-likelihood ratio G² = 2 Σ O ln(O / E) over the four cells, with
 *       E = row total · column total / n and 0 ln 0 = 0. Always ≥ 0: it says how sure, pmi says
 *       which way. Null when a or b is 0 or n (a degenerate table).
 * </ul>
 * Arguments are numeric columns; they are computed in double so large counts cannot overflow.
 */
public final class PairMeasures {
  private PairMeasures() {}

  public static Column pmi(Column ab, Column a, Column b, Column n) {
    return when(ab.gt(0), log2(d(ab).multiply(d(n)).divide(d(a).multiply(d(b)))));
  }

  public static Column npmi(Column ab, Column a, Column b, Column n) {
    return when(ab.gt(0).and(ab.equalTo(n)), lit(1.0))
        .when(ab.gt(0), pmi(ab, a, b, n).divide(log2(d(ab).divide(d(n))).multiply(-1)));
  }

  public static Column lift(Column ab, Column a, Column b, Column n) {
    return when(a.gt(0).and(b.gt(0)), d(ab).multiply(d(n)).divide(d(a).multiply(d(b))));
  }

  public static Column llr(Column ab, Column a, Column b, Column n) {
    Column k12 = d(a).minus(d(ab));
    Column k21 = d(b).minus(d(ab));
    Column k22 = d(n).minus(d(a)).minus(d(b)).plus(d(ab));
    Column notA = d(n).minus(d(a));
    Column notB = d(n).minus(d(b));
    Column sum = term(d(ab), d(a), d(b), d(n)).plus(term(k12, d(a), notB, d(n))).plus(term(k21, notA, d(b), d(n)))
        .plus(term(k22, notA, notB, d(n)));
    return when(a.gt(0).and(b.gt(0)).and(a.lt(n)).and(b.lt(n)), sum.multiply(2));
  }

  /** O ln(O / E) with E = row · col / n; 0 when O is 0. */
  private static Column term(Column o, Column row, Column col, Column n) {
    return when(o.gt(0), o.multiply(log(o.multiply(n).divide(row.multiply(col))))).otherwise(lit(0.0));
  }

  private static Column d(Column c) {
    return c.cast("double");
  }
}
