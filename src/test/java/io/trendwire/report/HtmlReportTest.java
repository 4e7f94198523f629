package io.trendwire.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.report.SvgCharts.Point;
import io.trendwire.report.SvgCharts.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** report.html rendered from digests built in code: escaping, absent sections, chart data points. */
class HtmlReportTest {
  private static final String EVIL = "<script>alert('x')</script> & \"q\"";

  private static ReportDigest digest(List<Series> watch, List<List<String>> pairs, List<List<String>> topics,
      List<Series> topicShares) {
    return new ReportDigest(EVIL, Map.of("read", 3L, "accepted", 2L, "rejected", 1L),
        List.of(new Point("2024-05-01", 1), new Point("2024-06-01", 1)),
        List.of(new Point("2024-05-01", 1), new Point("2024-06-01", 0)),
        List.of(new Point("it", 2)), List.of(new Point(EVIL, 2)), List.of(new Point("MISSING_DATE", 1)),
        List.of(List.of("country:KP", "North Korea", "COUNTRY", "KP", "2", "3")),
        List.of(new Series("country:KP", "North Korea", List.of(new Point("2024-05-01", 0.5), new Point("2024-06-01", 1.0)))),
        List.of(List.of("North Korea", "2024-06-01", "1", "1", "0.5", "0.5", "")),
        watch, watch == null ? null : Map.of(), pairs, topics, topicShares);
  }

  /** data-y of the points of one chart, per series (or "" for bars), as "series@x=y". */
  static List<String> points(String html, String chartId) {
    int start = html.indexOf("data-chart=\"" + chartId + "\"");
    assertTrue(start >= 0, "chart " + chartId + " is in the page");
    String svg = html.substring(start, html.indexOf("</svg>", start));
    Matcher m = Pattern.compile("<(?:circle|rect) class=\"(?:point[^\"]*|bar)\"[^>]*>").matcher(svg);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      String e = m.group();
      out.add(attr(e, "data-series") + "@" + attr(e, "data-x") + "=" + attr(e, "data-y")
          + ("true".equals(attr(e, "data-burst")) ? " burst" : ""));
    }
    return out;
  }

  static String attr(String element, String name) {
    Matcher m = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(element);
    return m.find() ? m.group(1) : "";
  }

  @Test
  void everyTextIsEscapedAndNothingIsLoaded() {
    String html = HtmlReport.render(digest(null, null, null, null));
    assertFalse(html.contains("<script"), "no script element, not even from data");
    assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"), "the title escaped");
    assertFalse(Pattern.compile("(?i)(src|href)=\"(https?:)?//").matcher(html).find(), "no external reference");
    assertTrue(html.contains("Content-Security-Policy"), "a CSP forbids fetches");
  }

  @Test
  void missingDatasetsSaySo() {
    String html = HtmlReport.render(digest(null, null, null, null));
    for (String dataset : List.of("watch/", "pairs/", "topics/")) {
      assertTrue(html.contains("data-absent=\"" + dataset + "\""), dataset + " is named as absent");
    }
  }

  @Test
  void chartsCarryTheirDataPoints() {
    Series watch = new Series("ru-kp", "Russia – North Korea", List.of(new Point("2024-05-01", 0.1),
        new Point("2024-06-01", 0.4, true)));
    Series topic = new Series("3", "treaty & troops", List.of(new Point("2024-06-01", 0.25)));
    String html = HtmlReport.render(digest(List.of(watch), List.of(List.of("Russia", "North Korea", "5", "0.8", "12.5")),
        List.of(List.of("3", "treaty & troops", "0.1", "0.2")), List.of(topic)));
    assertEquals(List.of("accepted@2024-05-01=1.0", "accepted@2024-06-01=1.0", "originals@2024-05-01=1.0",
        "originals@2024-06-01=0.0"), points(html, "articles-per-period"));
    assertEquals(List.of("@it=2.0"), points(html, "languages"));
    assertEquals(List.of("country:KP@2024-05-01=0.5", "country:KP@2024-06-01=1.0"), points(html, "entity-shares"));
    assertEquals(List.of("ru-kp@2024-05-01=0.1", "ru-kp@2024-06-01=0.4 burst"), points(html, "watch-ru-kp"),
        "the burst period is marked");
    assertEquals(List.of("3@2024-06-01=0.25"), points(html, "topic-shares"));
    assertTrue(html.contains("<td>treaty &amp; troops</td>"), "topic labels are shown, escaped");
    assertFalse(html.contains("data-absent=\"pairs/\""), "pairs present");
  }

  @Test
  void niceAxisMaxima() {
    assertEquals(1, SvgCharts.niceMax(0), "empty chart");
    assertEquals(0.2, SvgCharts.niceMax(0.157), 1e-12);
    assertEquals(50, SvgCharts.niceMax(42), 1e-12);
    assertEquals(100, SvgCharts.niceMax(100), 1e-12);
  }
}
