package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;

/**
 * Topic models (MLlib LDA over per-language analysed terms). The defaults were chosen by
 * measuring NPMI coherence and log-perplexity on the KCNA and Reuters corpora: see
 * docs/topics.md.
 */
public record TopicsConfig(
    Boolean enabled,
    @JsonPropertyDescription("global: one model over all articles; per_language: one model per language with at least minLanguageArticles articles.")
    TopicsMode mode,
    @JsonPropertyDescription("Number of topics (per model).")
    Integer k,
    @JsonPropertyDescription("LDA iterations: Gibbs sweeps (default 200), or online mini-batches and EM iterations (default 20).")
    Integer maxIterations,
    @JsonPropertyDescription("LDA optimizer: gibbs (collapsed Gibbs sampling, distributed; the most coherent topics), online (MLlib's variational Bayes on mini-batches) or em (MLlib's expectation-maximisation on a graph; slower, more memory).")
    String optimizer,
    @JsonPropertyDescription("gibbs: independent chains (seeds seed, seed + 1000003, ...); the one whose topics are most coherent on the fitted articles is kept.")
    Integer chains,
    @JsonPropertyDescription("Online optimizer: fraction of the articles in each mini-batch.")
    Double batchFraction,
    @JsonPropertyDescription("Online optimizer: learning offset tau0 (Spark's default 1024 makes early steps tiny, which few iterations never recover from).")
    Double learningOffset,
    @JsonPropertyDescription("Online optimizer: learning rate decay kappa, in (0.5, 1].")
    Double learningDecay,
    @JsonPropertyDescription("Fraction of the articles the model is fitted on (1 = all); every article gets topic weights.")
    Double sampleFraction,
    @JsonPropertyDescription("A term joins the vocabulary if it is in at least this many articles (>= 1) or this fraction of them (< 1).")
    Double minDocFreq,
    @JsonPropertyDescription("A term is left out of the vocabulary if it is in more than this fraction of the articles.")
    Double maxDocFreq,
    @JsonPropertyDescription("A term is also left out if it is in more than this fraction of the fitted articles of any one language that has at least 20 of them: a minority language's everyday words, which maxDocFreq over the whole corpus misses.")
    Double maxLanguageDocFreq,
    @JsonPropertyDescription("At most this many terms (the most frequent) in the vocabulary.")
    Integer vocabSize,
    @JsonPropertyDescription("Dirichlet prior on article-topic weights (alpha); null: 0.1 for gibbs, Spark's default (1/k) for online and em. gibbs and online learn it from there.")
    Double docConcentration,
    @JsonPropertyDescription("Dirichlet prior on topic-term weights (eta); null: 0.01 for gibbs, Spark's default (1/k online, 1.1 EM).")
    Double topicConcentration,
    @JsonPropertyDescription("Add the article's entity ids (from the entity stage) as terms, so topics bridge languages.")
    Boolean entityTokens,
    @JsonPropertyDescription("Terms listed per topic in topics/ (and used for its coherence) and per topic and period in topic_trends/.")
    Integer termsPerTopic,
    @JsonPropertyDescription("per_language mode: languages with fewer articles get no model (topic_id null).")
    Integer minLanguageArticles,
    @JsonPropertyDescription("Random seed: the same seed, data and config give the same topics.")
    Long seed) implements Serializable {

  public static final TopicsConfig DEFAULT = new TopicsConfig(null, null, null, null, null, null, null, null, null,
      null, null, null, null, null, null, null, null, null, null, null);

  public TopicsConfig {
    enabled = enabled == null || enabled;
    mode = mode == null ? TopicsMode.GLOBAL : mode;
    k = k == null ? 20 : k;
    optimizer = optimizer == null ? "gibbs" : optimizer.trim().toLowerCase(java.util.Locale.ROOT);
    // A sweep of the sampler costs a small part of a variational iteration and does less each.
    maxIterations = maxIterations == null ? ("gibbs".equals(optimizer) ? 200 : 20) : maxIterations;
    chains = chains == null ? 5 : chains;
    batchFraction = batchFraction == null ? 1.0 : batchFraction;
    learningOffset = learningOffset == null ? 1.0 : learningOffset;
    learningDecay = learningDecay == null ? 0.51 : learningDecay;
    sampleFraction = sampleFraction == null ? 1.0 : sampleFraction;
    minDocFreq = minDocFreq == null ? 3.0 : minDocFreq;
    maxDocFreq = maxDocFreq == null ? 0.2 : maxDocFreq;
    maxLanguageDocFreq = maxLanguageDocFreq == null ? 0.5 : maxLanguageDocFreq;
    vocabSize = vocabSize == null ? 20000 : vocabSize;
    entityTokens = entityTokens == null || entityTokens;
    termsPerTopic = termsPerTopic == null ? 10 : termsPerTopic;
    minLanguageArticles = minLanguageArticles == null ? 50 : minLanguageArticles;
    seed = seed == null ? 20240619L : seed;
  }

  public TopicsConfig withEnabled(boolean on) {
    return new TopicsConfig(on, mode, k, maxIterations, optimizer, chains, batchFraction, learningOffset, learningDecay,
        sampleFraction, minDocFreq, maxDocFreq, maxLanguageDocFreq, vocabSize, docConcentration, topicConcentration,
        entityTokens, termsPerTopic, minLanguageArticles, seed);
  }
}
