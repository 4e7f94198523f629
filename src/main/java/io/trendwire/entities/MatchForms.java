package io.trendwire.entities;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form under which aliases and text tokens are compared: NFKC, lower case, accents removed
 * from Latin letters ("Erdoğan" = "Erdogan"), "ё" = "е", then, for Cyrillic words, the case ending cut off
 * ("Северной Кореи" and "Северная Корея" both give "северн коре", "з Росією" gives "росі" like
 * "Росія"), and for Korean words the particle ("북한의" → "북한"). Latin-script words are not
 * stemmed: stemmers over-stem proper names ("Federation" → "feder").
 */
public final class MatchForms {
  private MatchForms() {}

  /** Russian and Ukrainian noun and adjective endings, longest first. */
  private static final String[] CYRILLIC_ENDINGS = {
      "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ією", "ової", "евой", "овой",
      "ой", "ей", "ом", "ем", "ам", "ям", "ах", "ях", "ых", "их", "ым", "им", "ую", "юю", "ая", "яя",
      "ое", "ее", "ые", "ие", "ов", "ев", "ью", "ою", "ею", "єю", "ій", "ий", "ый", "ої", "ів", "ії",
      "а", "я", "о", "е", "є", "ы", "и", "і", "ї", "у", "ю", "ь", "й"};
  /** Korean particles that attach to nouns, longest first. */
  private static final String[] KOREAN_PARTICLES = {
      "에서는", "으로는", "에게서", "과의", "와의", "에서", "에게", "으로", "로서", "까지", "부터", "처럼", "보다",
      "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "측"};
  /**
   * Polish noun and adjective case endings, longest first, read before accents are removed (the
   * ogonek tells "Austrię" (austri-ę) from "Ukrainie" (ukrain-ie)). Cutting them maps the cases
   * of a name to one stem: Austria, Austrii, Austrię, Austrią → austri; Rosja, Rosji, Rosję → rosj;
   * Ukraina, Ukrainy, Ukrainie, Ukrainę → ukrain; Korei Północnej → kore północn; Stanów
   * Zjednoczonych → stan zjednoczon; Putina, Putinowi, Putinem → putin; Zełenskiego → zełensk.
   */
  private static final String[] POLISH_ENDINGS = {
      "iego", "iemu", "owie", "ami", "ach", "owi", "ego", "emu", "ych", "ich", "ymi", "imi",
      "ie", "ej", "em", "om", "ów", "ym", "im",
      "ą", "ę", "a", "e", "i", "y", "u", "o"};
  private static final int MIN_STEM = 3;

  public static String of(String surface) {
    return finish(lower(surface));
  }

  /**
   * The match form of a word of Polish text (and of Polish aliases): Latin-script words lose
   * their case ending first. Only for Polish: in other languages the same cut would turn words
   * into other names' stems, so the matcher compares Polish stems only within Polish text.
   */
  public static String polish(String surface) {
    String s = lower(surface);
    if (!s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.LATIN) {
      s = cut(s, POLISH_ENDINGS, MIN_STEM);
    }
    return finish(s);
  }

  private static String lower(String surface) {
    String s = Normalizer.isNormalized(surface, Normalizer.Form.NFKC) ? surface
        : Normalizer.normalize(surface, Normalizer.Form.NFKC);
    return s.toLowerCase(Locale.ROOT);
  }

  private static String finish(String lower) {
    String s = lower;
    if (hasMarks(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
      s = Normalizer.normalize(s, Normalizer.Form.NFC);
    }
    s = s.replace('ё', 'е');
    if (s.isEmpty()) {
      return s;
    }
    Character.UnicodeScript script = Character.UnicodeScript.of(s.codePointAt(0));
    if (script == Character.UnicodeScript.CYRILLIC) {
      return cut(s, CYRILLIC_ENDINGS, MIN_STEM);
    }
    if (script == Character.UnicodeScript.HANGUL) {
      return cut(s, KOREAN_PARTICLES, 1);
    }
    return s;
  }

  private static String cut(String s, String[] endings, int minStem) {
    for (String e : endings) {
      if (s.length() - e.length() >= minStem && s.endsWith(e)) {
        return s.substring(0, s.length() - e.length());
      }
    }
    return s;
  }

  /**
   * Accented Latin letters (é, ğ, ł is not decomposable and stays) or stray combining marks.
   * Cyrillic is left alone: й is a letter of its own, not и with a mark.
   */
  private static boolean hasMarks(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0xC0 && c <= 0x24F || c >= 0x1E00 && c <= 0x1EFF || c >= 0x300 && c <= 0x36F) {
        return true;
      }
    }
    return false;
  }
}
