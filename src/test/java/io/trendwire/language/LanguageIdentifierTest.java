package io.trendwire.language;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.LANGUAGE;
import static io.trendwire.schema.Columns.LANGUAGE_CONFIDENCE;
import static io.trendwire.schema.Columns.LANGUAGE_SOURCE;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TITLE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.LanguageConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  private static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(LANGUAGE, DataTypes.StringType, true)
      .add(TITLE, DataTypes.StringType, true)
      .add(TEXT, DataTypes.StringType, true);

  /** One short news paragraph per language, written for this test. */
  private static final Map<String, String[]> SAMPLES = Map.of(
      "it", new String[] {"Mosca e Pyongyang firmano un trattato",
          "Il presidente russo è arrivato ieri nella capitale nordcoreana per una visita di due giorni. "
              + "I due governi hanno firmato un accordo di partenariato strategico che prevede assistenza reciproca."},
      "ru", new String[] {"Москва и Пхеньян подписали договор",
          "Президент России прибыл вчера в столицу Северной Кореи с двухдневным визитом. "
              + "Стороны подписали соглашение о всеобъемлющем стратегическом партнёрстве и взаимной помощи."},
      "de", new String[] {"Moskau und Pjöngjang unterzeichnen Vertrag",
          "Der russische Präsident ist gestern zu einem zweitägigen Besuch in der nordkoreanischen Hauptstadt "
              + "eingetroffen. Beide Regierungen haben ein Abkommen über eine strategische Partnerschaft unterzeichnet."},
      "fr", new String[] {"Moscou et Pyongyang signent un traité",
          "Le président russe est arrivé hier dans la capitale nord-coréenne pour une visite de deux jours. "
              + "Les deux gouvernements ont signé un accord de partenariat stratégique prévoyant une assistance mutuelle."},
      "en", new String[] {"Moscow and Pyongyang sign a treaty",
          "The Russian president arrived yesterday in the North Korean capital for a two-day visit. "
              + "Both governments signed a strategic partnership agreement that provides for mutual assistance."},
      "uk", new String[] {"Москва і Пхеньян підписали договір",
          "Президент Росії вчора прибув до столиці Північної Кореї з дводенним візитом. "
              + "Сторони підписали угоду про всеосяжне стратегічне партнерство, яка передбачає взаємну допомогу."},
      "ko", new String[] {"러시아와 북한, 조약 체결",
          "러시아 대통령이 어제 이틀 일정으로 북한 수도 평양에 도착했다. "
              + "양국 정부는 상호 지원을 규정한 포괄적 전략 동반자 관계 협정에 서명했다."},
      "ja", new String[] {"ロシアと北朝鮮が条約に署名",
          "ロシアの大統領は昨日、二日間の日程で北朝鮮の首都平壌に到着した。"
              + "両国政府は相互支援を定めた包括的戦略パートナーシップ協定に署名した。"},
      "zh", new String[] {"俄罗斯与朝鲜签署条约",
          "俄罗斯总统昨天抵达朝鲜首都平壤，进行为期两天的访问。"
              + "两国政府签署了全面战略伙伴关系协定，其中规定了相互援助的义务。"});

  @Test
  void detectsTheLanguageOfShortNewsParagraphs() {
    List<Row> rows = SAMPLES.entrySet().stream()
        .map(e -> RowFactory.create("id-" + e.getKey(), null, e.getValue()[0], e.getValue()[1])).toList();
    Map<String, Row> out = new HashMap<>();
    new LanguageIdentifier(LanguageConfig.DEFAULT)
        .identify(SparkTestSession.get().createDataFrame(rows, SCHEMA))
        .collectAsList().forEach(r -> out.put(r.getString(0), r));
    assertEquals(SAMPLES.size(), out.size(), "one output row per input row");
    for (String lang : SAMPLES.keySet()) {
      Row r = out.get("id-" + lang);
      assertEquals(lang, r.getAs(LANGUAGE), "language of the " + lang + " sample");
      assertEquals("detected", r.getAs(LANGUAGE_SOURCE), "language_source of the " + lang + " sample");
      double confidence = r.getAs(LANGUAGE_CONFIDENCE);
      assertTrue(confidence > 0.0 && confidence <= 1.0, "confidence in (0, 1] for " + lang + ": " + confidence);
    }
  }

  @Test
  void keepsTheLanguageTheInputGives() {
    // Italian text labelled English: without override the input wins and nothing is detected.
    String[] it = SAMPLES.get("it");
    List<Row> rows = List.of(RowFactory.create("given", "en", it[0], it[1]),
        RowFactory.create("missing", null, it[0], it[1]));
    Map<String, Row> out = new HashMap<>();
    new LanguageIdentifier(LanguageConfig.DEFAULT)
        .identify(SparkTestSession.get().createDataFrame(rows, SCHEMA))
        .collectAsList().forEach(r -> out.put(r.getString(0), r));
    Row given = out.get("given");
    assertEquals("en", given.getAs(LANGUAGE), "the input's language is kept");
    assertEquals("input", given.getAs(LANGUAGE_SOURCE), "language_source of a given language");
    assertNull(given.getAs(LANGUAGE_CONFIDENCE), "no confidence where the input gave the language");
    assertEquals("it", out.get("missing").getAs(LANGUAGE), "the same text without a language is detected");
  }

  @Test
  void overrideDetectsEvenWhereTheInputGivesALanguage() {
    String[] it = SAMPLES.get("it");
    Row r = new LanguageIdentifier(new LanguageConfig(null, true, null, null))
        .identify(SparkTestSession.get().createDataFrame(List.of(RowFactory.create("x", "en", it[0], it[1])), SCHEMA))
        .first();
    assertEquals("it", r.getAs(LANGUAGE), "override prefers the detection");
    assertEquals("detected", r.getAs(LANGUAGE_SOURCE), "language_source under override");
  }

  @Test
  void blankTextIsUndetermined() {
    LanguageIdentifier.Detection d = LanguageIdentifier.detect(null, "  ", LanguageConfig.DEFAULT);
    assertEquals(LanguageIdentifier.UNDETERMINED, d.language(), "blank text has no language");
  }

  @Test
  void sampleDropsDigitsAndUrlsAndKeepsToTheLimit() {
    String s = LanguageIdentifier.sample("Title 2024", "see https://example.org/x?y=1 and 12345 more", 30);
    assertTrue(!s.contains("http") && !s.matches(".*\\d.*"), "digits and URLs removed: " + s);
    assertTrue(s.length() <= 30, "at most maxChars: " + s.length());
  }
}
