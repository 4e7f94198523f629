package io.trendwire.topics;

import org.apache.spark.ml.PipelineModel;

/**
 * One fitted topic model, small enough for the driver: its language (null in global mode), the
 * offset of its topic ids, its vocabulary and its topic-term distributions (k × vocabulary, each
 * row summing to 1), and the saved pipeline (term analysis, CountVectorizer, LDA).
 *
 * @param index position of the model in the run (the _topic_model column)
 * @param logPerplexity MLlib's log-perplexity bound of the model on its original articles ({@link LogPerplexity})
 */
public record TopicModel(int index, String language, int topicOffset, String[] vocabulary, double[][] topicTerms,
    double logPerplexity, long fitArticles, PipelineModel pipeline) {

  public TopicModel withLogPerplexity(double value) {
    return new TopicModel(index, language, topicOffset, vocabulary, topicTerms, value, fitArticles, pipeline);
  }

  public int k() {
    return topicTerms.length;
  }

  /** The indices of topic {@code t}'s {@code n} most probable terms, most probable first. */
  public int[] topTerms(int t, int n) {
    return topTerms(topicTerms[t], n);
  }

  /** The indices of the {@code n} largest of {@code row}, largest first. */
  static int[] topTerms(double[] row, int n) {
    return java.util.stream.IntStream.range(0, row.length).boxed()
        .sorted((a, b) -> Double.compare(row[b], row[a]))
        .limit(n).mapToInt(Integer::intValue).toArray();
  }
}
