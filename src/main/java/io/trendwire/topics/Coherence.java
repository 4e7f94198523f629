package io.trendwire.topics;

import static io.trendwire.schema.Columns.TOPIC_COUNTS_COLUMN;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * NPMI coherence of topics' top terms (Bouma 2009; Röder et al. 2015, "C_NPMI" with boolean
 * document co-occurrence). For terms i and j of the same topic, over a reference corpus of N
 * documents where D(i) documents contain i and D(i,j) contain both:
 *
 * <pre>
 *   NPMI(i, j) = log( P(i,j) / (P(i) P(j)) ) / -log P(i,j),   P(x) = D(x) / N
 * </pre>
 *
 * with NPMI = -1 when D(i,j) = 0 (never together) and 1 when P(i,j) = 1. A topic's coherence is
 * the mean NPMI over all pairs of its top terms; the overall coherence is the mean over topics.
 * The reference corpus here is the model's own counted articles, as bags of analysed terms.
 */
public final class Coherence {
  private Coherence() {}

  /** Each topic's coherence (NaN for a topic of fewer than two terms) over a reference corpus of {@code documents}. */
  public record Scores(long documents, double[] topics) {
    /** The mean over the topics that have a coherence. */
    public double mean() {
      return Arrays.stream(topics).filter(c -> !Double.isNaN(c)).average().orElse(Double.NaN);
    }
  }

  /**
   * The coherence of each topic's terms ({@code topTerms[t]}, vocabulary indices), in one pass
   * over {@code vectors} (column _term_counts): see {@link #count}.
   */
  public static Scores of(Dataset<Row> vectors, int[][] topTerms) {
    Map<Integer, Integer> slotOf = new LinkedHashMap<>();
    for (int[] terms : topTerms) {
      for (int w : terms) {
        slotOf.putIfAbsent(w, slotOf.size());
      }
    }
    Counts counts = count(vectors, slotOf.keySet().stream().mapToInt(Integer::intValue).toArray());
    double[] topics = new double[topTerms.length];
    for (int t = 0; t < topTerms.length; t++) {
      topics[t] = topic(counts, Arrays.stream(topTerms[t]).map(slotOf::get).toArray());
    }
    return new Scores(counts.documents(), topics);
  }

  /** Document and co-document counts of a small set of terms. */
  public record Counts(long documents, long[] single, long[][] pair) {}

  /**
   * Counts, in one pass over {@code vectors} (the term count vectors of the reference corpus,
   * column _term_counts), the documents holding each of {@code terms} (vocabulary indices) and
   * each pair of them. Each partition keeps one |terms|² table, and only these tables reach
   * the driver.
   */
  public static Counts count(Dataset<Row> vectors, int[] terms) {
    int n = terms.length;
    Map<Integer, Integer> slot = new HashMap<>();
    for (int i = 0; i < n; i++) {
      slot.put(terms[i], i);
    }
    int col = vectors.schema().fieldIndex(TOPIC_COUNTS_COLUMN);
    List<long[]> parts = vectors.toJavaRDD().mapPartitions((FlatMapFunction<Iterator<Row>, long[]>) rows -> {
      long[] table = new long[1 + n + n * n];
      int[] present = new int[n];
      while (rows.hasNext()) {
        Row r = rows.next();
        if (r.isNullAt(col)) {
          continue;
        }
        Vector v = r.getAs(col);
        int m = 0;
        if (v instanceof SparseVector s) {
          for (int idx : s.indices()) {
            Integer at = slot.get(idx);
            if (at != null) {
              present[m++] = at;
            }
          }
        } else {
          double[] values = v.toArray();
          for (int i = 0; i < n; i++) {
            if (terms[i] < values.length && values[terms[i]] > 0) {
              present[m++] = i;
            }
          }
        }
        table[0]++;
        for (int a = 0; a < m; a++) {
          table[1 + present[a]]++;
          for (int b = 0; b < m; b++) {
            table[1 + n + present[a] * n + present[b]]++;
          }
        }
      }
      return List.of(table).iterator();
    }).collect();
    long[] sum = new long[1 + n + n * n];
    for (long[] p : parts) {
      for (int i = 0; i < sum.length; i++) {
        sum[i] += p[i];
      }
    }
    long[][] pair = new long[n][];
    for (int a = 0; a < n; a++) {
      pair[a] = Arrays.copyOfRange(sum, 1 + n + a * n, 1 + n + (a + 1) * n);
    }
    return new Counts(sum[0], Arrays.copyOfRange(sum, 1, 1 + n), pair);
  }

  /** NPMI of two terms from their document counts. */
  public static double npmi(long documents, long di, long dj, long dij) {
    if (dij == 0 || documents == 0) {
      return -1.0;
    }
    double pij = (double) dij / documents;
    if (pij >= 1.0) {
      return 1.0;
    }
    double pi = (double) di / documents;
    double pj = (double) dj / documents;
    return Math.log(pij / (pi * pj)) / -Math.log(pij);
  }

  /** Mean NPMI over the pairs of {@code slots} (positions in {@code counts}). */
  public static double topic(Counts counts, int[] slots) {
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < slots.length; a++) {
      for (int b = a + 1; b < slots.length; b++) {
        sum += npmi(counts.documents(), counts.single()[slots[a]], counts.single()[slots[b]],
            counts.pair()[slots[a]][slots[b]]);
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }
}
