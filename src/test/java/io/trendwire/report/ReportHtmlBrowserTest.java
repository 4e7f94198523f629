package io.trendwire.report;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.ExternalTools;
import io.trendwire.ReportRuns;
import io.trendwire.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample run's report.html in headless Chromium: the page logs nothing to the console (it has
 * no script, and its Content-Security-Policy turns any attempt to load something into a console
 * error), the charts of the DOM Chromium built hold the values of the Parquet they summarise, and
 * a screenshot is saved to target/report-html/report.png for people to look at.
 */
class ReportHtmlBrowserTest {
  @TempDir
  Path profile;

  private record Page(String dom, List<String> console) {}

  /** Loads a page in headless Chromium: the serialised DOM and every console message. */
  private Page load(Path html, String extra) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(ExternalTools.chromium().toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0",
        "--user-data-dir=" + profile.resolve("p" + System.nanoTime()), "--window-size=1100,5200"));
    command.add(extra);
    command.add(html.toUri().toString());
    ExternalTools.Result r = ExternalTools.run(command, null, Duration.ofMinutes(2));
    assertEquals(0, r.code(), "chromium exit code; stderr:\n" + r.err());
    List<String> console = r.err().lines().filter(l -> l.contains(":CONSOLE")).toList();
    return new Page(r.out(), console);
  }

  @Test
  void consoleMessagesAreDetected() throws Exception {
    // The detector itself: a page that logs an error must be caught, or the real check proves nothing.
    Path page = profile.resolve("bad.html");
    Files.writeString(page, "<!DOCTYPE html><html><body><script>console.error('boom-42')</script></body></html>");
    Page p = load(page, "--dump-dom");
    assertTrue(p.console().stream().anyMatch(l -> l.contains("boom-42")), "console.error is seen: " + p.console());
  }

  @Test
  void sampleReportRendersWithoutErrorsAndChartsHoldTheParquetValues() throws Exception {
    Path report = ReportRuns.sample();
    Path html = report.resolve("report.html");
    assertTrue(Files.isRegularFile(html), "the job wrote report.html");
    Page page = load(html, "--dump-dom");
    assertTrue(page.console().isEmpty(), "no console messages: " + page.console());
    String dom = page.dom();
    assertTrue(dom.contains("data-chart=\"articles-per-period\""), "Chromium built the page: " + dom.length() + " chars");

    SparkSession spark = SparkTestSession.get();
    Dataset<Row> articles = spark.read().parquet(report.resolve("articles").toString());
    Map<String, Double> perPeriod = new TreeMap<>();
    Map<String, Double> originals = new TreeMap<>();
    for (Row r : articles.groupBy(PERIOD).count().collectAsList()) {
      perPeriod.put(r.get(0).toString(), (double) r.getLong(1));
    }
    for (Row r : articles.filter(col(DUPLICATE_OF).isNull()).groupBy(PERIOD).count().collectAsList()) {
      originals.put(r.get(0).toString(), (double) r.getLong(1));
    }
    assertSeries(dom, "articles-per-period", "accepted", perPeriod);
    assertSeries(dom, "articles-per-period", "originals", originals);

    Map<String, Double> languages = new TreeMap<>();
    for (Row r : articles.groupBy(LANGUAGE).count().collectAsList()) {
      languages.put(r.getString(0), (double) r.getLong(1));
    }
    Map<String, Double> shown = values(dom, "languages", "");
    assertFalse(shown.isEmpty(), "the language chart has bars");
    shown.forEach((lang, n) -> assertEquals(languages.get(lang), n, "articles in language " + lang));

    Dataset<Row> trends = ReportDigest.overall(spark.read().parquet(report.resolve("entity_trends").toString()));
    List<String> series = HtmlReportTest.points(dom, "entity-shares").stream()
        .map(p -> p.substring(0, p.indexOf('@'))).distinct().toList();
    assertFalse(series.isEmpty(), "the entity share chart has series");
    for (String entity : series) {
      Map<String, Double> expected = new TreeMap<>();
      for (Row r : trends.filter(col(ENTITY_ID).equalTo(entity)).select(PERIOD, SHARE).collectAsList()) {
        expected.put(r.get(0).toString(), r.getDouble(1));
      }
      assertSeries(dom, "entity-shares", entity, expected);
    }

    for (String dataset : List.of("watch", "pairs", "topics")) {
      boolean present = Files.isDirectory(report.resolve(dataset));
      assertEquals(!present, dom.contains("data-absent=\"" + dataset + "/\""),
          dataset + "/ is " + (present ? "present: its section must show it" : "absent: the page must say so"));
    }
    if (Files.isDirectory(report.resolve("watch"))) {
      Dataset<Row> watch = ReportDigest.overall(spark.read().parquet(report.resolve("watch").toString()));
      for (Row w : watch.select(WATCH_ID).distinct().limit(ReportDigest.SERIES).collectAsList()) {
        Map<String, Double> expected = new TreeMap<>();
        for (Row r : watch.filter(col(WATCH_ID).equalTo(w.getString(0))).select(PERIOD, SHARE).collectAsList()) {
          expected.put(r.get(0).toString(), r.isNullAt(1) ? 0 : r.getDouble(1));
        }
        assertSeries(dom, "watch-" + w.getString(0), w.getString(0), expected);
      }
    }

    Path screenshot = Paths.get("target", "report-html", "report.png").toAbsolutePath();
    Files.createDirectories(screenshot.getParent());
    Files.deleteIfExists(screenshot);
    Page shot = load(html, "--screenshot=" + screenshot);
    assertTrue(shot.console().isEmpty(), "no console messages while taking the screenshot: " + shot.console());
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot at " + screenshot);
  }

  /** x → y of one series of a chart in the DOM. */
  private static Map<String, Double> values(String dom, String chart, String series) {
    Map<String, Double> out = new TreeMap<>();
    for (String p : HtmlReportTest.points(dom, chart)) {
      int at = p.indexOf('@');
      int eq = p.lastIndexOf('=');
      if (p.substring(0, at).equals(series)) {
        out.put(p.substring(at + 1, eq), Double.parseDouble(p.substring(eq + 1).replace(" burst", "")));
      }
    }
    return out;
  }

  private static void assertSeries(String dom, String chart, String series, Map<String, Double> expected) {
    Map<String, Double> shown = values(dom, chart, series);
    assertEquals(expected.keySet(), shown.keySet(), chart + "/" + series + ": the chart has a point per period of the Parquet");
    expected.forEach((x, y) -> assertEquals(y, shown.get(x), 1e-12, chart + "/" + series + " at " + x));
  }
}
