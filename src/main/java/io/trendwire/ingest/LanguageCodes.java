package io.trendwire.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Normalises language tags to ISO 639-1 where one exists ("en-US" → "en", "ita" → "it"). */
public final class LanguageCodes {
  private static final Map<String, String> ISO3_TO_ISO1 = new HashMap<>();

  static {
    for (String iso1 : Locale.getISOLanguages()) {
      try {
        ISO3_TO_ISO1.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
      } catch (RuntimeException ignored) {
        // a language without a three-letter code keeps its two-letter one only
      }
    }
    // Macrolanguage members and bibliographic codes that detectors and feeds use.
    ISO3_TO_ISO1.put("nob", "nb");
    ISO3_TO_ISO1.put("nno", "nn");
    ISO3_TO_ISO1.put("cmn", "zh");
    ISO3_TO_ISO1.put("pes", "fa");
    ISO3_TO_ISO1.put("zsm", "ms");
    ISO3_TO_ISO1.put("ger", "de");
    ISO3_TO_ISO1.put("fre", "fr");
    ISO3_TO_ISO1.put("chi", "zh");
    ISO3_TO_ISO1.put("cze", "cs");
    ISO3_TO_ISO1.put("dut", "nl");
    ISO3_TO_ISO1.put("gre", "el");
  }

  private LanguageCodes() {}

  /** The ISO 639-1 code (or the 639-3 code where there is none), or null for blank or invalid input. */
  public static String normalize(String tag) {
    if (tag == null) {
      return null;
    }
    String t = tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    int dash = t.indexOf('-');
    String primary = dash > 0 ? t.substring(0, dash) : t;
    if (!primary.matches("[a-z]{2,3}")) {
      return null;
    }
    if (primary.length() == 3) {
      return ISO3_TO_ISO1.getOrDefault(primary, primary);
    }
    // Java still reports some retired codes (iw, in, ji); news feeds use the current ones.
    switch (primary) {
      case "iw": return "he";
      case "in": return "id";
      case "ji": return "yi";
      default: return primary;
    }
  }
}
