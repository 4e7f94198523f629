package io.trendwire.entities;

import java.util.Locale;

/**
 * How an alias must appear in text. Proper names keep their capitals ("Turkey", not "turkey");
 * demonyms and adjectives match in any case ("russo", "North Korean"); abbreviations match
 * exactly as written ("US", not "us").
 */
public enum AliasKind {
  NAME, DEMONYM, ABBREVIATION;

  public static AliasKind parse(String s) {
    return valueOf(s.trim().toUpperCase(Locale.ROOT));
  }
}
