package io.trendwire.language;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.LANGUAGE;
import static io.trendwire.schema.Columns.LANGUAGE_CONFIDENCE;
import static io.trendwire.schema.Columns.LANGUAGE_SOURCE;
import static io.trendwire.schema.Columns.REASON;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.ingest.IngestIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of language detection on the fundus test pages, whose languages are known: the gold
 * file {@code fundus-languages.tsv} comes from each raw page's {@code <html lang>} attribute,
 * reviewed by hand (see its header). The corpus goes through the real reader with
 * conf/fundus.json; the input names no language, so every article is detected.
 */
class FundusLanguageAccuracyTest {
  static final double MIN_ACCURACY = 0.95;

  @Test
  void detectsTheLanguageOfAtLeast95PercentOfFundusPages() throws IOException {
    Path corpus = SparkTestSession.corpora().resolve("fundus_testdata/test_data");
    SparkSession spark = SparkTestSession.get();
    TrendWireConfig config = ConfigLoader.load(SparkTestSession.repo().resolve("conf/fundus.json"))
        .withInputPaths(List.of(corpus.toString()));
    Map<String, String> gold = readGold();

    Dataset<Row> parsed = IngestIO.readRecords(spark, config.input(), config.output().rejectRawChars(), Instant.now());
    Dataset<Row> accepted = parsed.filter(col(REASON).isNull());
    assertEquals(0L, accepted.filter(col(LANGUAGE).isNotNull()).count(),
        "conf/fundus.json gives no language: every article must go to the detector");
    List<Row> detected = new LanguageIdentifier(config.language()).identify(accepted)
        .select(ARTICLE_ID, LANGUAGE, LANGUAGE_SOURCE, LANGUAGE_CONFIDENCE).collectAsList();

    int correct = 0;
    int scored = 0;
    List<String> notInGold = new ArrayList<>();
    Map<String, Integer> confusions = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    for (Row r : detected) {
      String id = r.getString(0);
      String expected = gold.get(id);
      if (expected == null) {
        notInGold.add(id);
        continue;
      }
      scored++;
      String got = r.getString(1);
      if (expected.equals(got)) {
        correct++;
      } else {
        confusions.merge(expected + " -> " + got, 1, Integer::sum);
        errors.add(String.format("  %-45s gold %s, detected %s (%s, confidence %.3f)", id, expected, got,
            r.getString(2), r.isNullAt(3) ? Double.NaN : r.getDouble(3)));
      }
    }
    List<String> missing = new ArrayList<>(gold.keySet());
    detected.forEach(r -> missing.remove(r.getString(0)));
    double accuracy = scored == 0 ? 0.0 : (double) correct / scored;

    System.out.printf("Fundus language accuracy: %d / %d = %.4f (gold %d pages, not accepted by the reader %d)%n",
        correct, scored, accuracy, gold.size(), missing.size());
    System.out.println("Confusions (gold -> detected: count): " + confusions);
    errors.forEach(System.out::println);
    if (!missing.isEmpty()) {
      System.out.println("Gold pages the reader did not accept: " + missing);
    }

    assertTrue(notInGold.isEmpty(), "articles without a gold language (gold file out of step with the reader's ids): "
        + notInGold);
    assertTrue(scored >= 250, "only " + scored + " fundus articles scored; missing: " + missing);
    assertTrue(accuracy >= MIN_ACCURACY, String.format("language accuracy on fundus %.4f (%d/%d) is below %.2f; confusions %s",
        accuracy, correct, scored, MIN_ACCURACY, confusions));
  }

  static Map<String, String> readGold() throws IOException {
    Map<String, String> gold = new LinkedHashMap<>();
    Path file = Path.of("src/test/resources/fundus-languages.tsv");
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("page\t")) {
        continue;
      }
      String[] f = line.split("\t");
      assertEquals(2, f.length, "gold line must be page<TAB>language: " + line);
      gold.put(f[0], f[1]);
    }
    return gold;
  }
}
