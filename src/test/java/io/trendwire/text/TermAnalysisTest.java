package io.trendwire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-language term analysis: stop words go, inflected forms meet, surfaces are kept. */
class TermAnalysisTest {
  private final TermAnalysis analysis = new TermAnalysis();

  private List<String> terms(String text, String language) {
    return analysis.terms(text, language);
  }

  /** Two inflected forms analysed in {@code language} give the same term. */
  private void sameTerm(String language, String a, String b) {
    List<String> ta = terms(a, language);
    List<String> tb = terms(b, language);
    assertEquals(1, ta.size(), language + ": '" + a + "' is one term: " + ta);
    assertEquals(ta, tb, language + ": '" + a + "' and '" + b + "' share a term");
  }

  private void stopWord(String language, String word) {
    assertTrue(terms(word, language).isEmpty(), language + ": '" + word + "' is a stop word: " + terms(word, language));
  }

  @Test
  void inflectionsMeetInEachLanguage() {
    sameTerm("en", "troops", "troop");
    sameTerm("de", "Verträge", "Vertrag");
    sameTerm("fr", "missiles", "missile");
    sameTerm("it", "sanzioni", "sanzione");
    sameTerm("es", "tropas", "tropa");
    sameTerm("pt", "tropas", "tropa");
    sameTerm("ru", "договора", "договор");
    sameTerm("uk", "ракети", "ракета");
    sameTerm("pl", "wojska", "wojsko");
    sameTerm("nl", "raketten", "raket");
    sameTerm("sv", "missilerna", "missilen");
    sameTerm("cs", "smlouvy", "smlouva");
  }

  @Test
  void stopWordsGoInEachLanguage() {
    stopWord("en", "would");
    stopWord("de", "nicht");
    stopWord("fr", "avec");
    stopWord("it", "degli");
    stopWord("es", "para");
    stopWord("pt", "não");
    stopWord("ru", "было");
    stopWord("uk", "також");
    stopWord("pl", "jest");
    stopWord("nl", "niet");
  }

  @Test
  void elisionAndPossessivesAreCut() {
    assertEquals(terms("Ucraina", "it"), terms("l'Ucraina", "it"), "Italian elision");
    assertEquals(terms("armée", "fr"), terms("l'armée", "fr"), "French elision");
    assertEquals(terms("Russia", "en"), terms("Russia's", "en"), "English possessive");
  }

  @Test
  void numbersAndSingleLettersAreNoTerms() {
    assertTrue(terms("2024 19 a 5,000", "en").isEmpty(), "numbers are not terms: " + terms("2024 19 a 5,000", "en"));
    assertEquals(List.of("g7"), terms("G7", "en"), "a token with a letter stays");
  }

  @Test
  void surfacesAreTheOriginalText() {
    List<String> surfaces = new ArrayList<>();
    List<String> stems = new ArrayList<>();
    analysis.analyze("Die Verträge mit Nordkorea", "de", (t, s) -> {
      stems.add(t);
      surfaces.add(s);
    });
    assertEquals(List.of("Verträge", "Nordkorea"), surfaces, "surfaces as written, stop word 'mit' and 'die' gone");
    assertEquals(2, stems.size(), "one term per surface");
  }

  @Test
  void chineseAndJapaneseAreSegmentedIntoWords() {
    List<String> zh = terms("俄罗斯和朝鲜签署了全面战略伙伴关系条约", "zh");
    assertTrue(zh.contains("俄罗斯") && zh.contains("朝鲜"), "Chinese words, not characters: " + zh);
    List<String> ja = terms("ロシアと北朝鮮が条約を締結した", "ja");
    assertTrue(ja.contains("ロシア") && ja.contains("条約"), "Japanese words: " + ja);
    assertFalse(ja.contains("が") || ja.contains("を"), "Japanese particles are not terms: " + ja);
  }

  @Test
  void koreanParticlesAreCut() {
    assertEquals(terms("북한", "ko"), terms("북한의", "ko"), "the genitive particle is cut");
    assertEquals(terms("러시아", "ko"), terms("러시아와", "ko"), "the comitative particle is cut");
  }

  @Test
  void unknownLanguagesStillGiveLowerCaseWords() {
    assertEquals(List.of("pyongyang", "moskva"), terms("Pyongyang Moskva", "und"), "tokens and lower case");
    assertEquals(List.of("pyongyang"), terms("Pyongyang", null), "null language");
  }

  @Test
  void atLeastTenLanguagesHaveStopWords() {
    long withStops = LanguageAnalyzers.LUCENE_LANGUAGES.stream().filter(l -> LanguageAnalyzers.stopWords(l).size() > 30).count();
    assertTrue(withStops >= 10, "languages with a real stop word list: " + withStops);
    assertTrue(LanguageAnalyzers.stopWords("en").size() > 100, "English has the Snowball list, not Lucene's 33 words");
  }
}
