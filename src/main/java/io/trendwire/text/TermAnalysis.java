package io.trendwire.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import io.trendwire.entities.MatchForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns an article's text into topic terms: the language's Lucene chain ({@link
 * LanguageAnalyzers}), or ICU word segmentation for Chinese, Japanese and Korean (dictionary
 * based, since these scripts do not separate words by spaces; Korean particles are cut as the
 * entity stage cuts them). Each term comes with its surface: the text it was made from, so that
 * stems can be shown in the spelling people use.
 *
 * <p>Kept: terms of 2 to {@link #MAX_TERM_CHARS} characters with at least one letter (numbers and
 * dates say little about what a topic is). One instance per task or thread: analyzers keep
 * per-thread token streams and are created lazily, per language seen.
 */
public final class TermAnalysis implements AutoCloseable {
  public static final int MAX_TERM_CHARS = 40;

  /** Receives a term and its surface. */
  @FunctionalInterface
  public interface Sink {
    void accept(String term, String surface);
  }

  private final Map<String, Analyzer> analyzers = new HashMap<>();
  private final Map<String, BreakIterator> segmenters = new HashMap<>();

  /** Calls {@code sink} for each term of {@code text}, in order. A null text has no terms. */
  public void analyze(String text, String language, Sink sink) {
    if (text == null || text.isEmpty()) {
      return;
    }
    String lang = language == null ? "" : language;
    if (LanguageAnalyzers.ICU_LANGUAGES.containsKey(lang)) {
      segment(text, lang, sink);
      return;
    }
    Analyzer analyzer = analyzers.computeIfAbsent(lang, LanguageAnalyzers::forLanguage);
    try (TokenStream ts = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        if (keep(t)) {
          sink.accept(t, text.substring(offset.startOffset(), offset.endOffset()));
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException("analysis of an in-memory string failed", e);
    }
  }

  /** The terms only. */
  public List<String> terms(String text, String language) {
    List<String> out = new ArrayList<>();
    analyze(text, language, (t, s) -> out.add(t));
    return out;
  }

  private void segment(String text, String lang, Sink sink) {
    BreakIterator words = segmenters.computeIfAbsent(lang, l -> BreakIterator.getWordInstance(new ULocale(l)));
    words.setText(text);
    int start = words.first();
    for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
      // Rule status: letters, kana and ideographs are words; numbers, spaces, punctuation are not.
      if (words.getRuleStatus() < BreakIterator.WORD_LETTER) {
        continue;
      }
      String surface = text.substring(start, end);
      String t = "ko".equals(lang) ? MatchForms.of(surface) : surface.toLowerCase(java.util.Locale.ROOT);
      if (keep(t) && !("ja".equals(lang) && isHiragana(t) && t.length() <= 2)) {
        sink.accept(t, surface);
      }
    }
  }

  /** Japanese particles and endings ("の", "は", "した") segment as short hiragana words. */
  private static boolean isHiragana(String s) {
    return s.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA);
  }

  static boolean keep(String t) {
    int n = t.codePointCount(0, t.length());
    if (n < 2 || n > MAX_TERM_CHARS) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      if (Character.isLetter(t.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void close() {
    analyzers.values().forEach(Analyzer::close);
    analyzers.clear();
  }
}
