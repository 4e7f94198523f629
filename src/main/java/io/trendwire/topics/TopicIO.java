package io.trendwire.topics;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.spark.ml.PipelineModel;

/**
 * Saves and loads fitted topic pipelines (term analysis, CountVectorizer, LDA) in the report
 * folder: {@code topics_model/all} in global mode, {@code topics_model/<language>} per language.
 * A loaded pipeline transforms articles (title, text, language, optionally _mentions) into
 * _terms, _term_counts and _topic_distribution, as in the run.
 */
public final class TopicIO {
  private TopicIO() {}

  public static String modelPath(String folder, TopicModel model) {
    return folder + "/" + (model.language() == null ? "all" : model.language());
  }

  public static void save(TopicModel model, String folder) {
    try {
      model.pipeline().write().save(modelPath(folder, model));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save the topic model to " + modelPath(folder, model), e);
    }
  }

  public static PipelineModel load(String path) {
    return PipelineModel.load(path);
  }
}
