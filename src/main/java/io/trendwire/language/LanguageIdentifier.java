package io.trendwire.language;

import static io.trendwire.schema.Columns.LANGUAGE;
import static io.trendwire.schema.Columns.LANGUAGE_CONFIDENCE;
import static io.trendwire.schema.Columns.LANGUAGE_SOURCE;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TITLE;

import io.trendwire.config.LanguageConfig;
import io.trendwire.ingest.LanguageCodes;
import io.trendwire.schema.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Fills in the language of articles whose input names none, with Apache OpenNLP's language
 * detector (103 languages, model from {@code opennlp-models-langdetect}), loaded once per executor.
 *
 * <p>Input columns: {@code language} (nullable ISO 639-1), {@code title}, {@code text}. Output: the
 * same rows with {@code language} filled ("und" when detection is not confident enough),
 * {@code language_source} = "input" | "detected" | "undetermined", and
 * {@code language_confidence} (null where the input gave the language).
 */
public final class LanguageIdentifier implements Serializable {
  public static final String UNDETERMINED = "und";
  private static final String MODEL_RESOURCE = "/langdetect-183.bin";

  private final LanguageConfig config;

  public LanguageIdentifier(LanguageConfig config) {
    this.config = config;
  }

  public Dataset<Row> identify(Dataset<Row> articles) {
    StructType in = articles.schema();
    StructType out = in.add(LANGUAGE_SOURCE, DataTypes.StringType, true)
        .add(LANGUAGE_CONFIDENCE, DataTypes.DoubleType, true);
    int langIdx = in.fieldIndex(LANGUAGE);
    int titleIdx = in.fieldIndex(TITLE);
    int textIdx = in.fieldIndex(TEXT);
    LanguageConfig cfg = config;
    return articles.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      LanguageDetectorME detector = new LanguageDetectorME(ModelHolder.MODEL);
      return Rows.map(rows, row -> {
        String given = row.getString(langIdx);
        Object[] values = Rows.valuesWithRoom(row, 2);
        if (given != null && !cfg.override() || !cfg.detect()) {
          values[row.size()] = given == null ? "undetermined" : "input";
          values[langIdx] = given == null ? UNDETERMINED : given;
        } else {
          Detection d = detect(detector, row.getString(titleIdx), row.getString(textIdx), cfg);
          values[langIdx] = d.language();
          values[row.size()] = UNDETERMINED.equals(d.language()) ? "undetermined" : "detected";
          values[row.size() + 1] = d.confidence();
        }
        return RowFactory.create(values);
      });
    }, Encoders.row(out));
  }

  /** A detected language (ISO 639-1 where one exists) and the detector's confidence. */
  public record Detection(String language, double confidence) {}

  /** Detects the language of one text; used by tests and the accuracy bench. */
  public static Detection detect(String title, String text, LanguageConfig cfg) {
    return detect(new LanguageDetectorME(ModelHolder.MODEL), title, text, cfg);
  }

  static Detection detect(LanguageDetectorME detector, String title, String text, LanguageConfig cfg) {
    String sample = sample(title, text, cfg.maxChars());
    if (sample.isBlank()) {
      return new Detection(UNDETERMINED, 0.0);
    }
    Language best = detector.predictLanguage(sample);
    String code = LanguageCodes.normalize(best.getLang());
    if (code == null || best.getConfidence() < cfg.minConfidence()) {
      return new Detection(UNDETERMINED, best.getConfidence());
    }
    return new Detection(code, best.getConfidence());
  }

  /**
   * Title and the start of the text, digits and URLs removed: they carry no language and
   * dilute the character n-grams on short texts.
   */
  static String sample(String title, String text, int maxChars) {
    StringBuilder s = new StringBuilder();
    if (title != null) {
      s.append(title).append(". ");
    }
    if (text != null) {
      s.append(text, 0, Math.min(text.length(), maxChars));
    }
    String cleaned = s.toString().replaceAll("https?://\\S+", " ").replaceAll("\\d+", " ");
    return cleaned.length() > maxChars ? cleaned.substring(0, maxChars) : cleaned;
  }

  /** The model is ~10 MB: loaded once per JVM (executor), on first use. */
  private static final class ModelHolder {
    static final LanguageDetectorModel MODEL = load();

    private static LanguageDetectorModel load() {
      try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("language model " + MODEL_RESOURCE + " missing from the classpath");
        }
        return new LanguageDetectorModel(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the language model", e);
      }
    }
  }
}
