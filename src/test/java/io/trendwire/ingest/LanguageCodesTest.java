package io.trendwire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageCodesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "NULL", value = {
      "en,en", "EN,en", "en-US,en", "en_GB,en", " it ,it", "ita,it", "rus,ru", "ukr,uk", "kor,ko",
      "ger,de", "fre,fr", "cmn,zh", "nob,nb", "iw,he", "in,id", "yue,yue",
      "'',NULL", "' ',NULL", "english,NULL", "1,NULL", "e,NULL", "NULL,NULL"})
  void normalisesToIso6391(String tag, String expected) {
    assertEquals(expected, LanguageCodes.normalize(tag), "normalize(" + tag + ")");
  }
}
