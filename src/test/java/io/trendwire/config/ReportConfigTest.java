package io.trendwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The report section of the config: defaults and validation messages naming the field. */
class ReportConfigTest {
  private static String error(String report) {
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse("{\"input\": {\"paths\": \"x\"}, \"report\": " + report + "}", "c.json"));
    return e.getMessage();
  }

  @Test
  void defaults() {
    ReportConfig r = ConfigLoader.parse("{\"input\": {\"paths\": \"x\"}}", "c.json").report();
    assertEquals(true, r.html(), "html");
    assertEquals(15, r.htmlTopN(), "htmlTopN");
    assertEquals(true, r.network(), "network");
    assertEquals("all", r.networkPeriod(), "networkPeriod");
    assertNull(r.networkPeriodDate(), "all has no date");
    assertEquals("document", r.networkScope(), "networkScope");
    assertEquals(500, r.networkMaxEdges(), "networkMaxEdges");
  }

  @Test
  void periodsAndScopesAreReadCaseInsensitively() {
    ReportConfig r = ConfigLoader.parse("{\"input\": {\"paths\": \"x\"}, \"report\": {\"networkPeriod\": \" 2024-06-01 \","
        + " \"networkScope\": \"Sentence\", \"html\": false}}", "c.json").report();
    assertEquals(LocalDate.of(2024, 6, 1), r.networkPeriodDate());
    assertEquals("sentence", r.networkScope());
    assertEquals(false, r.html());
    assertEquals("latest", ConfigLoader.parse("{\"input\": {\"paths\": \"x\"}, \"report\": {\"networkPeriod\": \"LATEST\"}}",
        "c.json").report().networkPeriod());
  }

  @Test
  void invalidValuesAreNamed() {
    String all = error("{\"htmlTopN\": 0, \"networkPeriod\": \"june\", \"networkScope\": \"paragraph\", \"networkMaxEdges\": 0}");
    for (String expected : new String[] {"report.htmlTopN: must be at least 1, got 0",
        "report.networkPeriod: must be \"all\", \"latest\" or a date such as 2024-06-01, got 'june'",
        "report.networkScope: must be document or sentence, got 'paragraph'",
        "report.networkMaxEdges: must be at least 1, got 0"}) {
      assertTrue(all.contains(expected), "message should contain '" + expected + "': " + all);
    }
    assertTrue(error("{\"gexf\": true}").contains("unknown field 'report.gexf'"), "unknown fields are errors");
  }
}
