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

  /**
   * Where the tokenizer gets the {@link Word} for a span of text. {@code key} identifies the span
   * as far as it can without building the substring, computed while scanning (see {@link #key}):
   * a word of up to 7 characters below U+0100 is its characters packed in a long, so a cache can
   * answer without comparing any text; a longer word is its length and hash, to be confirmed.
   */
  public interface Words {
    Word word(String text, int start, int end, long key);
  }

  /** The key of a long word: tag 2, the length, the {@link String#hashCode} of the span. */
  static final long LONG_WORD = 2L << 56;
  private static final long SHORT_WORD = 1L << 56;

  /**
   * The tokens of text with words that carry no token ids, through an unbound {@link
   * EntityMatcher.FormCache}: the one {@link Words} class in use, so the JIT sees one at its call.
   */
  public static List<Token> tokenize(String text) {
    return tokenize(text, new EntityMatcher.FormCache());
  }

  public static List<Token> tokenize(String text, Words words) {
    List<Token> tokens = new ArrayList<>(text == null ? 0 : text.length() / 5 + 4);
    if (text == null) {
      return tokens;
    }
    int sentence = 0;
    boolean atSentenceStart = true;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char ch = text.charAt(i);
      int cp = ch < 0x80 ? ch : text.codePointAt(i);
      int width = Character.charCount(cp);
      if (isWordChar(cp)) {
        int start = i;
        boolean cjk = isCjk(cp);
        int j = i;
        int hash = 0;
        long packed = 0;
        boolean wide = false;
        while (j < n) {
          char c = text.charAt(j);
          if (c < 0x80) {
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') || cjk) {
              break;
            }
            hash = 31 * hash + c;
            packed = packed << 8 | c;
            j++;
            continue;
          }
          int code = text.codePointAt(j);
          if (!isWordChar(code) || isCjk(code) != cjk) {
            break;
          }
          hash = 31 * hash + c;
          packed = packed << 8 | (c & 0xFF);
          wide |= c > 0xFF;
          if (Character.charCount(code) == 2) {
            hash = 31 * hash + text.charAt(j + 1);
            wide = true;
          }
          j += Character.charCount(code);
        }
        if (cjk) {
          for (int[] span : segmentCjk(text, start, j)) {
            tokens.add(new Token(span[0], span[1], words.word(text, span[0], span[1], key(text, span[0], span[1])),
                sentence, atSentenceStart));
            atSentenceStart = false;
          }
        } else {
          long key = !wide && j - start <= 7 ? SHORT_WORD | packed : longKey(j - start, hash);
          tokens.add(new Token(start, j, words.word(text, start, j, key), sentence, atSentenceStart));
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

  /** The {@link Words} key of text[start, end), as the tokenizer computes it while scanning. */
  static long key(String text, int start, int end) {
    int hash = 0;
    long packed = 0;
    boolean wide = false;
    for (int k = start; k < end; k++) {
      char c = text.charAt(k);
      hash = 31 * hash + c;
      packed = packed << 8 | (c & 0xFF);
      wide |= c > 0xFF;
    }
    return !wide && end - start <= 7 ? SHORT_WORD | packed : longKey(end - start, hash);
  }

  private static long longKey(int length, int hash) {
    return LONG_WORD | (long) (length & 0xFFFFFF) << 32 | (hash & 0xFFFFFFFFL);
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
