package io.trendwire.topics;

import static io.trendwire.schema.Columns.DUPLICATE_OF;
import static io.trendwire.schema.Columns.TOPIC_COUNTS_COLUMN;
import static io.trendwire.schema.Columns.TOPIC_MODEL_COLUMN;
import static io.trendwire.schema.Columns.TOPIC_WEIGHTS;
import static org.apache.spark.sql.functions.col;

import java.util.Iterator;
import java.util.List;
import org.apache.commons.math3.special.Gamma;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * MLlib's log-perplexity of each topic model on its original articles: minus the variational
 * lower bound on the log-likelihood (Hoffman, Blei and Bach 2010, eq. 16, as {@code
 * LocalLDAModel.logLikelihood} computes it) over the number of tokens. Lower is better.
 *
 * <p>Computed here rather than with {@code LDAModel.logPerplexity} for speed: MLlib infers every
 * document's topics again and, for each document, exponentiates the whole vocabulary × k matrix
 * of E[log β], so its cost grows with documents × vocabulary × k (3.8 s of a 31 s KCNA run).
 * This pass reuses the topic weights the model already gave each article: at the end of MLlib's
 * inference the variational parameter γ sums to Σα plus the document's token count, so γ is
 * recovered exactly from the normalised weights, and each document costs its distinct terms × k.
 *
 * <p>Input: the applied articles (duplicate_of, _topic_model, _term_counts, topic_weights).
 */
final class LogPerplexity {
  private LogPerplexity() {}

  /**
   * What one model's bound needs on the executors: α, its sum, the document part's constant
   * log Γ(Σα) − Σ log Γ(α_t) (the same for every document), and E[log β] (vocabulary-major, k per term).
   */
  private record Params(double[] alpha, double alphaSum, double alphaConstant, double[] expectedLogBeta)
      implements java.io.Serializable {
    static Params of(double[] alpha, double[] expectedLogBeta) {
      double sum = 0;
      double logGammas = 0;
      for (double a : alpha) {
        sum += a;
        logGammas += Gamma.logGamma(a);
      }
      return new Params(alpha, sum, Gamma.logGamma(sum) - logGammas, expectedLogBeta);
    }
  }

  /** The log-perplexity of each model (indexed like {@code models}) on its originals; NaN with no tokens. */
  static double[] byModel(Dataset<Row> applied, List<TopicModel> models) {
    int n = models.size();
    Params[] params = new Params[n];
    double[] topicsPart = new double[n];
    for (TopicModel m : models) {
      LDAModel lda = (LDAModel) m.pipeline().stages()[2];
      Matrix lambda = lda.topicsMatrix();
      double eta = lda.getEffectiveTopicConcentration();
      params[m.index()] = Params.of(lda.estimatedDocConcentration().toArray(), expectedLogBeta(lambda));
      topicsPart[m.index()] = topicsBound(lambda, params[m.index()].expectedLogBeta(), eta);
    }
    Broadcast<Params[]> shared = JavaSparkContext.fromSparkContext(applied.sparkSession().sparkContext())
        .broadcast(params);
    Dataset<Row> originals = applied.filter(col(DUPLICATE_OF).isNull().and(col(TOPIC_WEIGHTS).isNotNull()))
        .select(TOPIC_MODEL_COLUMN, TOPIC_COUNTS_COLUMN, TOPIC_WEIGHTS);
    // Per partition, per model: the documents' part of the bound and their token count.
    List<double[]> parts = originals.toJavaRDD().mapPartitions((FlatMapFunction<Iterator<Row>, double[]>) rows -> {
      Params[] ps = shared.value();
      double[] sums = new double[2 * ps.length];
      while (rows.hasNext()) {
        Row r = rows.next();
        int model = r.getInt(0);
        Vector v = r.getAs(1);
        SparseVector counts = v instanceof SparseVector s ? s : v.toSparse();
        List<Double> weights = r.getList(2);
        double[] theta = new double[weights.size()];
        for (int t = 0; t < theta.length; t++) {
          theta[t] = weights.get(t);
        }
        double tokens = 0;
        for (double c : counts.values()) {
          tokens += c;
        }
        sums[2 * model] += documentBound(counts, theta, tokens, ps[model]);
        sums[2 * model + 1] += tokens;
      }
      return List.of(sums).iterator();
    }).collect();
    shared.destroy();
    double[] out = new double[n];
    for (int m = 0; m < n; m++) {
      double bound = topicsPart[m];
      double tokens = 0;
      for (double[] p : parts) {
        bound += p[2 * m];
        tokens += p[2 * m + 1];
      }
      out[m] = tokens == 0 ? Double.NaN : -bound / tokens;
    }
    return out;
  }

  /**
   * One document's part: E[log p(w | θ, β)] + E[log p(θ | α)] − E[log q(θ | γ)], with
   * γ = θ · (Σα + tokens), the fixed point of MLlib's inference (its γ update adds α to a vector
   * that sums to the token count).
   */
  static double documentBound(SparseVector counts, double[] theta, double tokens, Params p) {
    int k = theta.length;
    double[] alpha = p.alpha();
    double gammaSum = p.alphaSum() + tokens;
    double[] eLogTheta = new double[k];
    double digammaSum = Gamma.digamma(gammaSum);
    double bound = p.alphaConstant() - Gamma.logGamma(gammaSum);
    for (int t = 0; t < k; t++) {
      double gamma = theta[t] * gammaSum;
      eLogTheta[t] = Gamma.digamma(gamma) - digammaSum;
      bound += (alpha[t] - gamma) * eLogTheta[t] + Gamma.logGamma(gamma);
    }
    double[] eLogBeta = p.expectedLogBeta();
    int[] indices = counts.indices();
    double[] values = counts.values();
    for (int i = 0; i < indices.length; i++) {
      bound += values[i] * logSumExp(eLogTheta, eLogBeta, indices[i] * k);
    }
    return bound;
  }

  /** log Σ_t exp(a[t] + b[from + t]). */
  private static double logSumExp(double[] a, double[] b, int from) {
    double max = Double.NEGATIVE_INFINITY;
    for (int t = 0; t < a.length; t++) {
      max = Math.max(max, a[t] + b[from + t]);
    }
    double sum = 0;
    for (int t = 0; t < a.length; t++) {
      sum += Math.exp(a[t] + b[from + t] - max);
    }
    return max + Math.log(sum);
  }

  /** E[log β_tw] = ψ(λ_wt) − ψ(Σ_w λ_wt) for topicsMatrix λ (vocabulary × k), vocabulary-major. */
  static double[] expectedLogBeta(Matrix lambda) {
    int v = lambda.numRows();
    int k = lambda.numCols();
    double[] out = new double[v * k];
    for (int t = 0; t < k; t++) {
      double sum = 0;
      for (int w = 0; w < v; w++) {
        sum += lambda.apply(w, t);
      }
      double digammaSum = Gamma.digamma(sum);
      for (int w = 0; w < v; w++) {
        out[w * k + t] = Gamma.digamma(lambda.apply(w, t)) - digammaSum;
      }
    }
    return out;
  }

  /** The topics' part: E[log p(β | η)] − E[log q(β | λ)], which does not grow with the corpus. */
  static double topicsBound(Matrix lambda, double[] eLogBeta, double eta) {
    int v = lambda.numRows();
    int k = lambda.numCols();
    double bound = 0;
    double logGammaEta = Gamma.logGamma(eta);
    for (int t = 0; t < k; t++) {
      double sum = 0;
      for (int w = 0; w < v; w++) {
        double l = lambda.apply(w, t);
        sum += l;
        bound += (eta - l) * eLogBeta[w * k + t] + Gamma.logGamma(l) - logGammaEta;
      }
      bound += Gamma.logGamma(eta * v) - Gamma.logGamma(sum);
    }
    return bound;
  }
}
