package io.trendwire.entities;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words and sentences the same way for aliases and articles. Words are runs of
 * letters, digits and combining marks; apostrophes, hyphens and dots split them, which handles
 * elision ("l'Ucraina" → l, Ucraina; "dell'Italia" → dell, Italia) and dotted abbreviations
 * ("U.S." → U, S) alike. Runs of Chinese or Japanese script have no spaces and are segmented with
 * ICU's dictionary-based word breaker. Sentences end at . ! ? (and their CJK forms) followed by
 * a space and a capital, digit or quote, and at line breaks.
 */
public final class Tokenizer {
  private Tokenizer() {}

  public static List<Token> tokenize(String text) {
    List<Token> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    int sentence = 0;
    boolean atSentenceStart = true;
    int n = text.length();
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      if (isWordChar(cp)) {
        int start = i;
        boolean cjk = isCjk(cp);
        int j = i;
        while (j < n) {
          int c = text.codePointAt(j);
          if (!isWordChar(c) || isCjk(c) != cjk) {
            break;
          }
          j += Character.charCount(c);
        }
        if (cjk) {
          for (int[] span : segmentCjk(text, start, j)) {
            tokens.add(token(text, span[0], span[1], sentence, atSentenceStart));
            atSentenceStart = false;
          }
        } else {
          tokens.add(token(text, start, j, sentence, atSentenceStart));
          atSentenceStart = false;
        }
        i = j;
        continue;
      }
      if (cp == '\n' || isSentenceEnd(text, i, cp)) {
        if (!atSentenceStart) {
          sentence++;
          atSentenceStart = true;
        }
      }
      i += width;
    }
    return tokens;
  }

  private static Token token(String text, int start, int end, int sentence, boolean sentenceStart) {
    String surface = text.substring(start, end);
    int first = surface.codePointAt(0);
    boolean capitalized = Character.isUpperCase(first) || Character.isTitleCase(first);
    boolean allUpper = capitalized;
    boolean anyLetter = false;
    for (int k = 0; k < surface.length(); k++) {
      char c = surface.charAt(k);
      if (Character.isLetter(c)) {
        anyLetter = true;
        if (Character.isLowerCase(c)) {
          allUpper = false;
        }
      }
    }
    return new Token(start, end, surface, sentence, sentenceStart, capitalized, allUpper && anyLetter);
  }

  static boolean isWordChar(int cp) {
    if (cp < 0x80) {
      return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
    }
    return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
        || Character.getType(cp) == Character.COMBINING_SPACING_MARK;
  }

  /** Han, Hiragana and Katakana: written without spaces between words. Hangul uses spaces. */
  static boolean isCjk(int cp) {
    if (cp < 0x2E80) {
      return false; // below the CJK radicals block: Latin, Cyrillic, Hangul Jamo, ...
    }
    Character.UnicodeScript s = Character.UnicodeScript.of(cp);
    return s == Character.UnicodeScript.HAN || s == Character.UnicodeScript.HIRAGANA
        || s == Character.UnicodeScript.KATAKANA;
  }

  private static boolean isSentenceEnd(String text, int i, int cp) {
    if (cp == '。' || cp == '！' || cp == '？') {
      return true;
    }
    if (cp != '.' && cp != '!' && cp != '?') {
      return false;
    }
    int j = i + 1;
    if (j < text.length() && text.charAt(j) != ' ' && text.charAt(j) != '\n' && text.charAt(j) != '\t') {
      return false; // "U.S." or "3.5": no space after the dot
    }
    while (j < text.length() && text.charAt(j) == ' ') {
      j++;
    }
    if (j >= text.length()) {
      return true;
    }
    int next = text.codePointAt(j);
    return Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '«' || next == '“'
        || next == '\'' || next == '\n' || isCjk(next);
  }

  private static final ThreadLocal<BreakIterator> WORDS =
      ThreadLocal.withInitial(() -> BreakIterator.getWordInstance(ULocale.ROOT));

  private static List<int[]> segmentCjk(String text, int start, int end) {
    List<int[]> spans = new ArrayList<>();
    BreakIterator words = WORDS.get();
    words.setText(text.substring(start, end));
    int from = words.first();
    for (int to = words.next(); to != BreakIterator.DONE; from = to, to = words.next()) {
      spans.add(new int[] {start + from, start + to});
    }
    return spans;
  }
}
