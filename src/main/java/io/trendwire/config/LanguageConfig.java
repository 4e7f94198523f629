package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;

/** Language identification for articles whose input names no language. */
public record LanguageConfig(
    @JsonPropertyDescription("Detect the language where the input gives none.")
    Boolean detect,
    @JsonPropertyDescription("Detect even where the input gives a language, and prefer the detection.")
    Boolean override,
    @JsonPropertyDescription("Below this confidence the language is 'und' (undetermined).")
    Double minConfidence,
    @JsonPropertyDescription("Characters of title + text given to the detector.")
    Integer maxChars) implements Serializable {

  public static final LanguageConfig DEFAULT = new LanguageConfig(null, null, null, null);

  public LanguageConfig {
    detect = detect == null || detect;
    override = override != null && override;
    minConfidence = minConfidence == null ? 0.0 : minConfidence;
    maxChars = maxChars == null ? 2000 : maxChars;
  }
}
