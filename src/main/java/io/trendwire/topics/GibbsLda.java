package io.trendwire.topics;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.mllib.linalg.Matrices;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * LDA fitted by collapsed Gibbs sampling (Griffiths and Steyvers 2004), distributed as AD-LDA
 * (Newman, Asuncion, Smyth and Welling 2009), with the article-topic prior learned as the
 * sampling goes (Minka's fixed point with Wallach's digamma recurrence, as in MALLET and
 * tomotopy). The result is an MLlib {@link LocalLDAModel}: MLlib applies it to every article,
 * computes its perplexity bound and saves it in the pipeline, as it does its own fits.
 *
 * <p>Why a sampler beside MLlib's optimizers: on KCNA and Reuters-21578 MLlib's variational fits
 * (online and EM, every setting measured) give topics of lower NPMI coherence than Gibbs
 * sampling on the same terms, and take longer (docs/topics.md, Peers).
 *
 * <p>AD-LDA: each partition sweeps its own articles against its copy of the corpus-wide
 * term-topic counts, and the copies are summed again after every {@link #SWEEPS_PER_ROUND}
 * sweeps (one Spark job per round). A partition sees the other partitions' changes of the round
 * only at its end; Newman et al. measured no loss of model quality from that. The articles'
 * token-topic assignments stay in the executors (one local checkpoint per round).
 */
final class GibbsLda {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GibbsLda.class);
  /** Sweeps between two syncs of the term-topic counts (and two updates of the prior). */
  static final int SWEEPS_PER_ROUND = 10;
  /** Sweeps between two progress lines in the log. */
  private static final int PROGRESS_SWEEPS = 50;
  /** Article-topic prior to start from, per topic, when the config gives none (tomotopy's). */
  static final double DEFAULT_ALPHA = 0.1;
  /** Topic-term prior when the config gives none (tomotopy's and MALLET's default). */
  static final double DEFAULT_ETA = 0.01;
  /** Fixed-point iterations per update of the prior (converged well before). */
  private static final int ALPHA_ITERATIONS = 20;
  /** Floor of a learned alpha_t: a topic no article uses would otherwise drive it to 0. */
  private static final double MIN_ALPHA = 1e-4;
  /** Step between the seeds of two chains: far apart, so runs with neighbouring seeds share no chain. */
  static final long CHAIN_SEED_STEP = 1_000_003L;

  private GibbsLda() {}

  /** One article: its tokens as term indices, and per chain the topic each is assigned to. */
  record Doc(int[] terms, int[][] topics) implements Serializable {}

  /**
   * Fits {@code chains} independent models (seeds seed, seed + {@value #CHAIN_SEED_STEP}, ...),
   * together: each round is one Spark job that sweeps every chain, so the rounds' fixed costs
   * (scheduling, the checkpoint, the pass over the articles) are paid once rather than per chain.
   * A chain's draws are those it makes when fitted alone with its seed. The settings come from
   * {@code lda}: k, maxIter (sweeps), seed and the features column (term count vectors of
   * {@code vocabularySize}); alpha is where the learning of the article-topic prior starts, eta
   * the topic-term prior.
   */
  static List<LocalLDAModel> fit(Dataset<Row> vectors, LDA lda, int vocabularySize, double alpha, double eta,
      int chains) {
    int k = lda.getK();
    int sweeps = lda.getMaxIter();
    long[] seeds = new long[chains];
    for (int c = 0; c < chains; c++) {
      seeds[c] = lda.getSeed() + c * CHAIN_SEED_STEP;
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(vectors.sparkSession().sparkContext());
    JavaRDD<Doc> docs = vectors.select(lda.getFeaturesCol()).javaRDD()
        .mapPartitionsWithIndex((p, rows) -> initial(rows, k, randoms(seeds, 0, p)), true);
    docs.rdd().localCheckpoint();
    Counts[] counts = count(docs, k, vocabularySize, chains);
    double[][] a = new double[chains][k];
    for (double[] chainAlpha : a) {
      Arrays.fill(chainAlpha, alpha);
    }
    int done = 0;
    Broadcast<int[][]> previous = null;
    for (int round = 1; done < sweeps; round++) {
      int n = Math.min(SWEEPS_PER_ROUND, sweeps - done);
      int[][] termTopics = new int[chains][];
      for (int c = 0; c < chains; c++) {
        termTopics[c] = counts[c].termTopic;
      }
      Broadcast<int[][]> termTopic = jsc.broadcast(termTopics);
      double[][] roundAlpha = a;
      int r = round;
      JavaRDD<Doc> next = docs.mapPartitionsWithIndex((p, it) -> sweep(it, termTopic.value(), roundAlpha, eta,
          vocabularySize, n, randoms(seeds, r, p)), true);
      next.rdd().localCheckpoint();
      counts = count(next, k, vocabularySize, chains);
      docs.unpersist(false);
      // The previous round's counts can go now: this round's checkpoint cut the articles off the
      // previous round's task, which still held them (this round's task is serialised with it).
      if (previous != null) {
        previous.destroy(false);
      }
      previous = termTopic;
      docs = next;
      done += n;
      double[][] learned = new double[chains][];
      for (int c = 0; c < chains; c++) {
        learned[c] = learnAlpha(a[c], counts[c].docsByTopicCount, counts[c].docsByLength);
      }
      a = learned;
      if (done % PROGRESS_SWEEPS == 0 || done == sweeps) {
        LOG.info("Topics: Gibbs sweep {} of {}, {} chain(s), alpha sums {}", done, sweeps, chains,
            Arrays.stream(a).map(x -> String.format("%.3f", Arrays.stream(x).sum())).toList());
      }
    }
    docs.unpersist(false);
    if (previous != null) {
      previous.destroy(false);
    }
    List<LocalLDAModel> models = new ArrayList<>();
    for (int c = 0; c < chains; c++) {
      models.add(model(counts[c].termTopic, a[c], eta, vocabularySize, lda, vectors.sparkSession()));
    }
    return models;
  }

  /** One chain's model, as MLlib's LocalLDAModel, from its term-topic counts (term-major) and prior. */
  private static LocalLDAModel model(int[] termTopic, double[] alpha, double eta, int vocabularySize, LDA lda,
      SparkSession spark) {
    int k = alpha.length;
    // MLlib's topics matrix holds the Dirichlet parameters of each topic's term distribution
    // (vocabulary × k, column-major): the posterior's, counts plus prior.
    double[] lambda = new double[vocabularySize * k];
    for (int w = 0; w < vocabularySize; w++) {
      for (int t = 0; t < k; t++) {
        lambda[t * vocabularySize + w] = termTopic[w * k + t] + eta;
      }
    }
    org.apache.spark.mllib.clustering.LocalLDAModel fitted = new org.apache.spark.mllib.clustering.LocalLDAModel(
        Matrices.dense(vocabularySize, k, lambda), Vectors.dense(alpha), eta, 100);
    LocalLDAModel model = new LocalLDAModel(Identifiable$.MODULE$.randomUID("lda"), vocabularySize, fitted, spark);
    // Both constructors are package-private in Scala and public to Java: the one way to hand MLlib
    // a model it did not fit. A Spark upgrade that changes them fails TopicModelerTest's gibbs test.
    // k, seed, the columns: as MLlib's LDA.fit does for its own models.
    return lda.copyValues(model, ParamMap.empty());
  }

  /** Per chain, a generator for one round and partition: the same seed and partitioning give the same draws. */
  private static SplittableRandom[] randoms(long[] seeds, int round, int partition) {
    SplittableRandom[] randoms = new SplittableRandom[seeds.length];
    for (int c = 0; c < seeds.length; c++) {
      randoms[c] = new SplittableRandom(seeds[c] * 0x9E3779B97F4A7C15L + round * 1_000_003L + partition);
    }
    return randoms;
  }

  /** Each article's tokens with, per chain, a uniformly drawn topic each; articles without tokens left out. */
  private static Iterator<Doc> initial(Iterator<Row> rows, int k, SplittableRandom[] randoms) {
    List<Doc> out = new ArrayList<>();
    while (rows.hasNext()) {
      Vector v = rows.next().getAs(0);
      SparseVector counts = v.toSparse();
      int length = 0;
      for (double c : counts.values()) {
        length += (int) c;
      }
      if (length == 0) {
        continue;
      }
      int[] terms = new int[length];
      int i = 0;
      for (int j = 0; j < counts.indices().length; j++) {
        for (int c = 0; c < (int) counts.values()[j]; c++) {
          terms[i++] = counts.indices()[j];
        }
      }
      int[][] topics = new int[randoms.length][length];
      for (int c = 0; c < randoms.length; c++) {
        for (int j = 0; j < length; j++) {
          topics[c][j] = randoms[c].nextInt(k);
        }
      }
      out.add(new Doc(terms, topics));
    }
    return out.iterator();
  }

  /**
   * {@code sweeps} Gibbs sweeps of every chain over one partition's articles, chain c against its
   * copy of the term-topic counts {@code corpusTermTopic[c]} (term-major: [term × k + topic]) with
   * prior {@code alpha[c]} and generator {@code randoms[c]}. New assignment arrays: the round's
   * input stays as it was, should a task run again.
   */
  static Iterator<Doc> sweep(Iterator<Doc> input, int[][] corpusTermTopic, double[][] alpha, double eta,
      int vocabularySize, int sweeps, SplittableRandom[] randoms) {
    List<Doc> docs = new ArrayList<>();
    while (input.hasNext()) {
      Doc d = input.next();
      int[][] topics = new int[d.topics().length][];
      for (int c = 0; c < topics.length; c++) {
        topics[c] = d.topics()[c].clone();
      }
      docs.add(new Doc(d.terms(), topics));
    }
    for (int c = 0; c < corpusTermTopic.length; c++) {
      sweepChain(docs, c, corpusTermTopic[c].clone(), alpha[c], eta, vocabularySize, sweeps, randoms[c]);
    }
    return docs.iterator();
  }

  /** {@code sweeps} sweeps of chain c over {@code docs}, updating its assignments and {@code termTopic} in place. */
  private static void sweepChain(List<Doc> docs, int c, int[] termTopic, double[] alpha, double eta,
      int vocabularySize, int sweeps, SplittableRandom random) {
    int k = alpha.length;
    int[] topicTotal = new int[k];
    for (int i = 0; i < termTopic.length; i++) {
      topicTotal[i % k] += termTopic[i];
    }
    double vEta = vocabularySize * eta;
    int[][] docTopic = new int[docs.size()][k];
    for (int d = 0; d < docs.size(); d++) {
      for (int t : docs.get(d).topics()[c]) {
        docTopic[d][t]++;
      }
    }
    double[] cumulative = new double[k];
    // Per article, (n_dt + alpha_t) / (n_t + V eta) per topic: a token's move changes two of them,
    // so a draw costs one multiplication per topic rather than two and a division.
    double[] articleWeight = new double[k];
    for (int s = 0; s < sweeps; s++) {
      for (int d = 0; d < docs.size(); d++) {
        int[] terms = docs.get(d).terms();
        int[] topics = docs.get(d).topics()[c];
        int[] nd = docTopic[d];
        for (int t = 0; t < k; t++) {
          articleWeight[t] = (nd[t] + alpha[t]) / (topicTotal[t] + vEta);
        }
        for (int i = 0; i < terms.length; i++) {
          int base = terms[i] * k;
          int old = topics[i];
          nd[old]--;
          termTopic[base + old]--;
          articleWeight[old] = (nd[old] + alpha[old]) / (--topicTotal[old] + vEta);
          double sum = 0;
          for (int t = 0; t < k; t++) {
            sum += articleWeight[t] * (termTopic[base + t] + eta);
            cumulative[t] = sum;
          }
          double u = random.nextDouble() * sum;
          int t = 0;
          while (t < k - 1 && cumulative[t] <= u) {
            t++;
          }
          topics[i] = t;
          nd[t]++;
          termTopic[base + t]++;
          articleWeight[t] = (nd[t] + alpha[t]) / (++topicTotal[t] + vEta);
        }
      }
    }
  }

  /**
   * The corpus-wide counts of one assignment: term-topic counts, and for learning alpha the
   * number of articles with n tokens of topic t (docsByTopicCount[t][n]) and of length n.
   */
  static final class Counts implements Serializable {
    final int[] termTopic;
    int[][] docsByTopicCount;
    int[] docsByLength;

    Counts(int k, int vocabularySize) {
      termTopic = new int[vocabularySize * k];
      docsByTopicCount = new int[k][1];
      docsByLength = new int[1];
    }

    /** Adds one article's tokens ({@code terms}) and their topics in one chain. */
    Counts add(int[] terms, int[] topics) {
      int k = docsByTopicCount.length;
      int[] nd = new int[k];
      for (int i = 0; i < terms.length; i++) {
        termTopic[terms[i] * k + topics[i]]++;
        nd[topics[i]]++;
      }
      docsByLength = increment(docsByLength, terms.length, 1);
      for (int t = 0; t < k; t++) {
        if (nd[t] > 0) {
          docsByTopicCount[t] = increment(docsByTopicCount[t], nd[t], 1);
        }
      }
      return this;
    }

    Counts merge(Counts other) {
      for (int i = 0; i < termTopic.length; i++) {
        termTopic[i] += other.termTopic[i];
      }
      for (int n = 0; n < other.docsByLength.length; n++) {
        docsByLength = increment(docsByLength, n, other.docsByLength[n]);
      }
      for (int t = 0; t < docsByTopicCount.length; t++) {
        for (int n = 0; n < other.docsByTopicCount[t].length; n++) {
          docsByTopicCount[t] = increment(docsByTopicCount[t], n, other.docsByTopicCount[t][n]);
        }
      }
      return this;
    }

    /** Adds {@code by} at index n of a histogram, growing it as needed. */
    private static int[] increment(int[] histogram, int n, int by) {
      if (by == 0) {
        return histogram;
      }
      int[] h = n < histogram.length ? histogram : Arrays.copyOf(histogram, Math.max(n + 1, 2 * histogram.length));
      h[n] += by;
      return h;
    }
  }

  /**
   * Each chain's corpus-wide counts, in one pass: each task counts its partition, and the tasks'
   * counts are summed. Not treeAggregate: its zero value, chains × vocabulary × k counts, would
   * travel inside every task (12.8 MB a round on Reuters with 5 chains).
   */
  private static Counts[] count(JavaRDD<Doc> docs, int k, int vocabularySize, int chains) {
    return docs.mapPartitions(it -> {
      Counts[] counts = new Counts[chains];
      for (int c = 0; c < chains; c++) {
        counts[c] = new Counts(k, vocabularySize);
      }
      while (it.hasNext()) {
        Doc d = it.next();
        for (int c = 0; c < chains; c++) {
          counts[c].add(d.terms(), d.topics()[c]);
        }
      }
      return List.<Counts[]>of(counts).iterator();
    }).treeReduce((counts, other) -> {
      for (int c = 0; c < counts.length; c++) {
        counts[c].merge(other[c]);
      }
      return counts;
    }, 2);
  }

  /**
   * Minka's fixed point for the Dirichlet prior alpha of the articles' topic counts, with
   * digamma differences as sums (Wallach 2008, section 2.3): alpha_t ← alpha_t ·
   * Σ_n docsByTopicCount[t][n] (ψ(n + alpha_t) − ψ(alpha_t)) / Σ_n docsByLength[n] (ψ(n + Σalpha) − ψ(Σalpha)).
   */
  static double[] learnAlpha(double[] start, int[][] docsByTopicCount, int[] docsByLength) {
    double[] alpha = start.clone();
    for (int iteration = 0; iteration < ALPHA_ITERATIONS; iteration++) {
      double alphaSum = Arrays.stream(alpha).sum();
      double denominator = 0;
      double digammaDifference = 0;
      for (int n = 1; n < docsByLength.length; n++) {
        digammaDifference += 1.0 / (alphaSum + n - 1);
        denominator += docsByLength[n] * digammaDifference;
      }
      for (int t = 0; t < alpha.length; t++) {
        double numerator = 0;
        digammaDifference = 0;
        int[] histogram = docsByTopicCount[t];
        for (int n = 1; n < histogram.length; n++) {
          digammaDifference += 1.0 / (alpha[t] + n - 1);
          numerator += histogram[n] * digammaDifference;
        }
        alpha[t] = Math.max(MIN_ALPHA, alpha[t] * numerator / denominator);
      }
    }
    return alpha;
  }
}
