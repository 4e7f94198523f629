package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How topics treat languages: one model over every article ({@code global}; topics mix languages
 * only through shared words and entity tokens), or one model per language ({@code per_language}).
 */
public enum TopicsMode {
  GLOBAL, PER_LANGUAGE;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static TopicsMode parse(String value) {
    for (TopicsMode m : values()) {
      if (m.id().equalsIgnoreCase(value.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown topics mode '" + value + "', expected one of "
        + Arrays.stream(values()).map(TopicsMode::id).collect(Collectors.joining(", ")));
  }
}
