package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reporting period; a period is identified by its first day. */
public enum Period {
  DAY, WEEK, MONTH;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Period parse(String value) {
    for (Period p : values()) {
      if (p.id().equalsIgnoreCase(value.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown period '" + value + "', expected one of " + ids());
  }

  static String ids() {
    return Arrays.stream(values()).map(Period::id).collect(Collectors.joining(", "));
  }
}
