package io.trendwire.topics;

import static io.trendwire.Checkpoints.release;
import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.TopicsConfig;
import io.trendwire.config.TopicsMode;
import io.trendwire.text.TermAnalyzer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.feature.CountVectorizer;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Fits MLlib LDA over analysed terms and gives every article its topic weights.
 *
 * <p>Input: articles with title, text, language, duplicate_of and, when {@code entityTokens}
 * and the entity stage ran, _mentions. Output ({@link Result#articles}): the input plus
 * topic_id (int, the article's most probable topic; null for an article no model covers or
 * with no vocabulary term), topic_weights (array of double summing to 1 over the topics of the
 * article's model; null where topic_id is null) and the internal columns _terms, _surfaces,
 * _term_counts (term count vector over the model's vocabulary), _topic_model (the model's
 * index). The result is materialised (local checkpoint): it is read by several report jobs.
 *
 * <p>Models are fitted on originals only (duplicate_of null), so a story syndicated a hundred
 * times does not become a topic of its own, then applied to every article. In per_language mode,
 * one model per language with at least {@code minLanguageArticles} originals; topic ids are
 * numbered on from one model to the next, so they are unique in the run.
 */
public final class TopicModeler {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TopicModeler.class);
  /** Languages with fewer fitted articles than this are too small for maxLanguageDocFreq to judge. */
  static final int MIN_LANGUAGE_DOCS = 20;
  private final TopicsConfig config;

  public TopicModeler(TopicsConfig config) {
    this.config = config;
  }

  /** The articles with topics, and the models. */
  public record Result(Dataset<Row> articles, List<TopicModel> models) {}

  public Result model(Dataset<Row> articles) {
    boolean entities = config.entityTokens() && List.of(articles.columns()).contains(MENTIONS_STRUCTS);
    TermAnalyzer analyzer = new TermAnalyzer().setTextCols(TITLE, TEXT).setLanguageCol(LANGUAGE)
        .setMentionsCol(entities ? MENTIONS_STRUCTS : "").setOutputCol(TOPIC_TERMS_COLUMN)
        .setSurfaceCol(TOPIC_SURFACES_COLUMN);
    // Checkpointed, not only persisted: the fit reads the terms many times, and the report
    // queries built on top would otherwise carry (and AQE re-print) the whole upstream plan.
    articles.sparkSession().sparkContext().setJobDescription("topics: analyse terms");
    Dataset<Row> terms = analyzer.transform(articles).localCheckpoint(true);

    List<String> groups = new ArrayList<>();
    if (config.mode() == TopicsMode.GLOBAL) {
      groups.add(null);
    } else {
      // A small driver-side list: one row per language.
      for (Row r : terms.filter(col(DUPLICATE_OF).isNull()).groupBy(LANGUAGE).count()
          .filter(col("count").geq(config.minLanguageArticles())).filter(col(LANGUAGE).isNotNull())
          .orderBy(LANGUAGE).collectAsList()) {
        groups.add(r.getString(0));
      }
    }
    List<TopicModel> models = new ArrayList<>();
    Dataset<Row> applied = null;
    int offset = 0;
    List<String> covered = new ArrayList<>();
    for (String language : groups) {
      Dataset<Row> rows = language == null ? terms : terms.filter(col(LANGUAGE).equalTo(language));
      TopicModel model = fit(rows, analyzer, models.size(), language, offset);
      if (model == null) {
        continue;
      }
      models.add(model);
      covered.add(language);
      Dataset<Row> withTopics = apply(model, rows);
      applied = applied == null ? withTopics : applied.unionByName(withTopics);
      offset += model.k();
    }
    if (applied == null || config.mode() == TopicsMode.PER_LANGUAGE) {
      Dataset<Row> uncovered = (applied == null ? terms
          : terms.filter(col(LANGUAGE).isNull().or(col(LANGUAGE).isin(covered.toArray()).unary_$bang())))
          .withColumn(TOPIC_COUNTS_COLUMN, lit(null).cast(SQLDataTypes.VectorType()))
          .withColumn(TOPIC_MODEL_COLUMN, lit(null).cast(DataTypes.IntegerType))
          .withColumn(TOPIC_WEIGHTS, lit(null).cast(DataTypes.createArrayType(DataTypes.DoubleType)))
          .withColumn(TOPIC_ID, lit(null).cast(DataTypes.IntegerType));
      applied = applied == null ? uncovered : applied.unionByName(uncovered);
    }
    articles.sparkSession().sparkContext().setJobDescription("topics: apply topic models");
    Dataset<Row> result = applied.localCheckpoint(true);
    release(terms);
    if (models.isEmpty()) {
      return new Result(result, models);
    }
    articles.sparkSession().sparkContext().setJobDescription("topics: log-perplexity");
    double[] logPerplexity = LogPerplexity.byModel(result, models);
    return new Result(result, models.stream().map(m -> m.withLogPerplexity(logPerplexity[m.index()])).toList());
  }

  private TopicModel fit(Dataset<Row> rows, TermAnalyzer analyzer, int index, String language, int offset) {
    Dataset<Row> originals = rows.filter(col(DUPLICATE_OF).isNull());
    Dataset<Row> fitRows = config.sampleFraction() < 1.0
        ? originals.sample(false, config.sampleFraction(), config.seed()) : originals;
    boolean gibbs = "gibbs".equals(config.optimizer());
    LDA lda = new LDA().setK(config.k()).setMaxIter(config.maxIterations()).setSeed(config.seed())
        .setFeaturesCol(TOPIC_COUNTS_COLUMN).setTopicDistributionCol(TOPIC_DISTRIBUTION_COLUMN);
    if (!gibbs) {
      lda.setOptimizer(config.optimizer());
    }
    if ("online".equals(config.optimizer())) {
      lda.setSubsamplingRate(config.batchFraction()).setLearningOffset(config.learningOffset())
          .setLearningDecay(config.learningDecay());
    }
    if (config.docConcentration() != null && !gibbs) {
      lda.setDocConcentration(config.docConcentration());
    }
    if (config.topicConcentration() != null && !gibbs) {
      lda.setTopicConcentration(config.topicConcentration());
    }
    fitRows.sparkSession().sparkContext().setJobDescription("topics: fit LDA" + (language == null ? "" : " (" + language + ")"));
    // One small job: the fitted articles per language (null key: no language), for the bounds below.
    Map<String, Long> perLanguage = new HashMap<>();
    for (Row r : fitRows.groupBy(LANGUAGE).count().collectAsList()) {
      perLanguage.put(r.getString(0), r.getLong(1));
    }
    long fitted = perLanguage.values().stream().mapToLong(Long::longValue).sum();
    // The bounds go to CountVectorizer as article counts (it reads 1 or more as a count, less as a
    // fraction): so it makes no pass of its own to count the articles, and maxDocFreq = 1 means
    // every article rather than one.
    double minDocs = config.minDocFreq() >= 1 ? config.minDocFreq() : Math.max(1, Math.ceil(config.minDocFreq() * fitted));
    double maxDocs = Math.floor(config.maxDocFreq() * fitted);
    if (fitted == 0 || maxDocs < minDocs) {
      // Too few articles for the vocabulary bounds (a term cannot be in at least minDocFreq and at
      // most maxDocFreq of them): no model rather than a failed run.
      LOG.warn("Topics{}: {} articles are too few for minDocFreq {} and maxDocFreq {}; no model",
          language == null ? "" : " (" + language + ")", fitted, config.minDocFreq(), config.maxDocFreq());
      return null;
    }
    CountVectorizer cv = new CountVectorizer().setInputCol(TOPIC_TERMS_COLUMN).setOutputCol(TOPIC_COUNTS_COLUMN)
        .setMinDF(minDocs).setMaxDF(maxDocs).setVocabSize(config.vocabSize());
    CountVectorizerModel vectorizer = withoutLanguageCommonTerms(cv.fit(fitRows), fitRows, perLanguage, fitted);
    if (vectorizer.vocabulary().length == 0) {
      LOG.warn("Topics{}: no term is within the vocabulary bounds (minDocFreq {}, maxDocFreq {}); no model",
          language == null ? "" : " (" + language + ")", config.minDocFreq(), config.maxDocFreq());
      return null;
    }
    Dataset<Row> vectors = oneTaskPerCore(vectorizer.transform(fitRows));
    LDAModel ldaModel = gibbs ? mostCoherentChain(vectors, lda, vectorizer.vocabulary().length) : lda.fit(vectors);
    // The EM model keeps the training graph; its local form is what applies to new articles.
    // toLocal() does not carry the column parameters over: without them it reads "features".
    LDAModel local = ldaModel instanceof DistributedLDAModel d
        ? d.toLocal().setFeaturesCol(TOPIC_COUNTS_COLUMN).setTopicDistributionCol(TOPIC_DISTRIBUTION_COLUMN)
        : ldaModel;
    PipelineModel pipeline = new PipelineModel(Identifiable$.MODULE$.randomUID("topics"),
        java.util.List.<Transformer>of(analyzer, vectorizer, local));
    // The log-perplexity comes once the model is applied (LogPerplexity): NaN until then.
    return new TopicModel(index, language, offset, vectorizer.vocabulary(), normalisedRows(local.topicsMatrix()),
        Double.NaN, fitted, pipeline);
  }

  /**
   * The Gibbs sampler's model: {@code chains} independent chains, fitted together (GibbsLda), the
   * one whose topics' top terms are most coherent (NPMI) on the fitted articles kept. A chain's
   * coherence moves by a few hundredths with its random start; the mean over the seeds does not
   * move, the best of several does. The chains' coherence is counted in one pass.
   */
  private LDAModel mostCoherentChain(Dataset<Row> vectors, LDA lda, int vocabularySize) {
    double alpha = config.docConcentration() == null ? GibbsLda.DEFAULT_ALPHA : config.docConcentration();
    double eta = config.topicConcentration() == null ? GibbsLda.DEFAULT_ETA : config.topicConcentration();
    if (config.chains() == 1) {
      return GibbsLda.fit(vectors, lda, vocabularySize, alpha, eta, 1).get(0);
    }
    // Read twice: by the sampler, and for the chains' coherence.
    Dataset<Row> cached = vectors.select(TOPIC_COUNTS_COLUMN).persist();
    List<? extends LDAModel> chains = GibbsLda.fit(cached, lda, vocabularySize, alpha, eta, config.chains());
    int k = lda.getK();
    int[][] top = new int[chains.size() * k][];
    for (int c = 0; c < chains.size(); c++) {
      System.arraycopy(topTerms(chains.get(c), config.termsPerTopic()), 0, top, c * k, k);
    }
    Coherence.Scores scores = Coherence.of(cached, top);
    cached.unpersist();
    int best = 0;
    double bestCoherence = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < chains.size(); c++) {
      double coherence = new Coherence.Scores(scores.documents(), Arrays.copyOfRange(scores.topics(), c * k, (c + 1) * k))
          .mean();
      LOG.info("Topics: Gibbs chain {} of {}, NPMI on the fitted articles {}", c + 1, chains.size(),
          String.format("%.4f", coherence));
      if (coherence > bestCoherence) {
        bestCoherence = coherence;
        best = c;
      }
    }
    return chains.get(best);
  }

  /** Each topic's {@code n} most probable terms (vocabulary indices). */
  static int[][] topTerms(LDAModel model, int n) {
    double[][] topics = normalisedRows(model.topicsMatrix());
    int[][] top = new int[topics.length][];
    for (int t = 0; t < topics.length; t++) {
      top[t] = TopicModel.topTerms(topics[t], n);
    }
    return top;
  }

  /**
   * The fitted vocabulary without the terms held by more than {@code maxLanguageDocFreq} of the
   * fitted articles of any one language that has at least {@link #MIN_LANGUAGE_DOCS} of them.
   * maxDocFreq counts over the whole corpus, where a minority language's everyday words ("est",
   * "который", "said" among Russian and French articles) stay far below it; left in, they label a
   * topic of that language's articles. One aggregate; only the few frequent terms reach the driver.
   */
  private CountVectorizerModel withoutLanguageCommonTerms(CountVectorizerModel fitted, Dataset<Row> fitRows,
      Map<String, Long> perLanguage, long articles) {
    // Only a language with fewer articles than maxDocFreq / maxLanguageDocFreq of the corpus can
    // hold a term this bound leaves out and maxDocFreq kept: a term in more than maxLanguageDocFreq
    // of such a language's articles is otherwise in more than maxDocFreq of all of them. So a
    // corpus of one language (or a per_language model) needs no aggregate.
    List<String> languages = new ArrayList<>();
    perLanguage.forEach((language, n) -> {
      if (language != null && n >= MIN_LANGUAGE_DOCS
          && config.maxLanguageDocFreq() * n < config.maxDocFreq() * articles) {
        languages.add(language);
      }
    });
    if (config.maxLanguageDocFreq() >= 1.0 || languages.isEmpty()) {
      return fitted;
    }
    String term = "_term";
    org.apache.spark.sql.Column bound = lit(null);
    for (String language : languages) {
      bound = when(col(LANGUAGE).equalTo(language), perLanguage.get(language) * config.maxLanguageDocFreq())
          .otherwise(bound);
    }
    Set<String> common = new HashSet<>();
    for (Row r : fitRows.filter(col(LANGUAGE).isin(languages.toArray()))
        .select(col(LANGUAGE), explode(array_distinct(col(TOPIC_TERMS_COLUMN))).alias(term))
        .groupBy(LANGUAGE, term).count().filter(col("count").gt(bound))
        .select(term).distinct().collectAsList()) {
      common.add(r.getString(0));
    }
    String[] kept = Arrays.stream(fitted.vocabulary()).filter(v -> !common.contains(v)).toArray(String[]::new);
    if (kept.length == fitted.vocabulary().length) {
      return fitted;
    }
    LOG.info("Topics: {} terms left out as too common within a language (maxLanguageDocFreq {})",
        fitted.vocabulary().length - kept.length, config.maxLanguageDocFreq());
    return new CountVectorizerModel(kept).setInputCol(fitted.getInputCol()).setOutputCol(fitted.getOutputCol())
        .setMinTF(fitted.getMinTF()).setBinary(fitted.getBinary());
  }

  private static Dataset<Row> apply(TopicModel model, Dataset<Row> rows) {
    PipelineModel p = model.pipeline();
    CountVectorizerModel vectorizer = (CountVectorizerModel) p.stages()[1];
    LDAModel lda = (LDAModel) p.stages()[2];
    Dataset<Row> t = lda.transform(vectorizer.transform(rows));
    org.apache.spark.sql.Column weights = functions.vector_to_array(col(TOPIC_DISTRIBUTION_COLUMN), "float64");
    // MLlib gives an article with no vocabulary term all-zero weights: no topic, rather than topic 0.
    // (Tested on the k weights, not on the term counts: turned into an array, those are as long as
    // the vocabulary, and summing them per article took 100 of Reuters' 190 seconds.)
    org.apache.spark.sql.Column hasTerms = array_max(weights).gt(0);
    return t.withColumn(TOPIC_MODEL_COLUMN, lit(model.index()))
        .withColumn(TOPIC_WEIGHTS, when(hasTerms, weights))
        .withColumn(TOPIC_ID, when(hasTerms,
            array_position(col(TOPIC_WEIGHTS), array_max(col(TOPIC_WEIGHTS))).cast(DataTypes.IntegerType)
                .minus(1).plus(model.topicOffset())))
        .drop(TOPIC_DISTRIBUTION_COLUMN);
  }

  /**
   * The fitted articles in at most one partition per core. Each LDA iteration is one task per
   * partition, and each task fills and sends a dense k × vocabulary matrix that the driver sums
   * (through an extra shuffle stage when there are more than a handful): more partitions than cores
   * add that work on every iteration and make no task run sooner.
   */
  private static Dataset<Row> oneTaskPerCore(Dataset<Row> vectors) {
    int cores = vectors.sparkSession().sparkContext().defaultParallelism();
    return vectors.rdd().getNumPartitions() > cores ? vectors.coalesce(cores) : vectors;
  }

  /** LDA's topicsMatrix is vocabulary × k and unnormalised (online: variational parameters). */
  static double[][] normalisedRows(Matrix m) {
    int v = m.numRows();
    int k = m.numCols();
    double[][] out = new double[k][v];
    for (int t = 0; t < k; t++) {
      double sum = 0;
      for (int w = 0; w < v; w++) {
        sum += m.apply(w, t);
      }
      for (int w = 0; w < v; w++) {
        out[t][w] = m.apply(w, t) / sum;
      }
    }
    return out;
  }
}
