package io.trendwire.cooccur;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.ReportRuns;
import java.nio.file.Path;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The real signal: on the KCNA archive by month, the default Russia–North Korea watch shows the
 * treaty month (June 2024) above January–May 2024 in share, August–October still above them,
 * and the surprise columns single out June. Shares, not counts: the archive holds about ten times
 * more articles a month from July 2024.
 */
class KcnaWatchTest {
  @Test
  void russiaNorthKoreaTreatyMonthStandsOut() {
    SparkTestSession.corpora();
    Path report = ReportRuns.get("kcna").folder();
    SparkSession spark = SparkTestSession.get();
    List<Row> rows = spark.read().parquet(report.resolve("watch").toString())
        .filter(col(WATCH_ID).equalTo("russia-north-korea")).orderBy(PERIOD).collectAsList();
    Map<String, Row> byMonth = new HashMap<>();
    StringBuilder table = new StringBuilder();
    for (Row r : rows) {
      String month = r.<Date>getAs(PERIOD).toString().substring(0, 7);
      byMonth.put(month, r);
      table.append(String.format("%s articles %d/%d share %.4f z %s burst %s npmi %s%n", month,
          r.<Long>getAs(ARTICLES), r.<Long>getAs(PERIOD_ARTICLES), r.<Double>getAs(SHARE), r.getAs(Z), r.getAs(BURST),
          r.getAs(NPMI)));
    }
    System.out.println("KCNA russia-north-korea watch:\n" + table);
    // January–May together: those months hold 5 to 20 counted articles each, so one article moves a
    // month's share by up to 20 points; their pooled share is the stable comparison.
    long earlyArticles = 0;
    long earlyTotal = 0;
    for (String m : List.of("2024-01", "2024-02", "2024-03", "2024-04", "2024-05")) {
      assertTrue(byMonth.containsKey(m), "a row for " + m + "\n" + table);
      earlyArticles += byMonth.get(m).<Long>getAs(ARTICLES);
      earlyTotal += byMonth.get(m).<Long>getAs(PERIOD_ARTICLES);
    }
    double early = (double) earlyArticles / earlyTotal;
    System.out.printf("January–May 2024: %d of %d articles, share %.4f%n", earlyArticles, earlyTotal, early);
    double june = byMonth.get("2024-06").<Double>getAs(SHARE);
    assertTrue(june > 2 * early, "June share well above (over twice) that of January–May (" + early + ")\n" + table);
    for (String m : List.of("2024-08", "2024-09", "2024-10")) {
      assertTrue(byMonth.get(m).<Double>getAs(SHARE) > early, m + " share above January–May (" + early + ")\n" + table);
    }
    // The surprise columns single out June: the highest z of all months, and a large one.
    String topZ = null;
    double best = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Row> e : byMonth.entrySet()) {
      Double z = e.getValue().getAs(Z);
      if (z != null && z > best) {
        best = z;
        topZ = e.getKey();
      }
    }
    assertEquals("2024-06", topZ, "June has the highest z\n" + table);
    assertTrue(best > 2, "June's z is large: " + best + "\n" + table);
  }
}
