package io.trendwire.entities;

import java.io.Serializable;

/** One way an entity is written: in a language ("*" for all), with a kind that sets the case rule. */
public record Alias(String entityId, String language, String text, AliasKind kind) implements Serializable {
  public static final String ANY_LANGUAGE = "*";
}
