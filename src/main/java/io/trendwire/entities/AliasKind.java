package io.trendwire.entities;

import java.util.Locale;

/**
 * How an alias must appear in text. Proper names keep their capitals ("Turkey", not "turkey");
 * demonyms and adjectives match in any case ("russo", "North Korean"); abbreviations match
 * exactly as written ("US", not "us").
 */
public enum AliasKind {
  NAME, DEMONYM, ABBREVIATION;

  private final String label = name().toLowerCase(Locale.ROOT);

  /** The kind as written in gazetteer files and in mentions/ ("name", "demonym", "abbreviation"). */
  public String label() {
    return label;
  }

  public static AliasKind parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
