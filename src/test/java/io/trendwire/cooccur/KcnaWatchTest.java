package io.trendwire.cooccur;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.TrendWireJob;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real signal: on the KCNA archive by month, the default Russia–North Korea watch shows the
 * treaty month (June 2024) above January–May 2024 in share, August–October still above them,
 * and the surprise columns single out June. Shares, not counts: the archive holds about ten times
 * more articles a month from July 2024.
 */
class KcnaWatchTest {
  @TempDir
  Path tmp;

  @Test
  void russiaNorthKoreaTreatyMonthStandsOut() {
    SparkTestSession.corpora();
    TrendWireConfig config = ConfigLoader.load(Paths.get("conf", "kcna.json"));
    config = config.withOutput(config.output().withPath(tmp.resolve("kcna").toString()));
    SparkSession spark = SparkTestSession.get();
    TrendWireJob.run(spark, config);
    List<Row> rows = spark.read().parquet(tmp.resolve("kcna").resolve("watch").toString())
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
    double earlyMax = 0;
    for (String m : List.of("2024-01", "2024-02", "2024-03", "2024-04", "2024-05")) {
      assertTrue(byMonth.containsKey(m), "a row for " + m + "\n" + table);
      earlyMax = Math.max(earlyMax, byMonth.get(m).<Double>getAs(SHARE));
    }
    double june = byMonth.get("2024-06").<Double>getAs(SHARE);
    assertTrue(june > 2 * earlyMax, "June share well above (over twice) every month of January–May\n" + table);
    for (String m : List.of("2024-08", "2024-09", "2024-10")) {
      assertTrue(byMonth.get(m).<Double>getAs(SHARE) > earlyMax, m + " share above January–May\n" + table);
    }
    // The surprise columns single out June: the highest z of all months, and a burst in June.
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
    assertTrue(byMonth.get("2024-06").<Boolean>getAs(BURST), "June is in a burst\n" + table);
  }
}
