package io.trendwire.report;

import io.trendwire.report.SvgCharts.Point;
import io.trendwire.report.SvgCharts.Series;
import java.util.List;

/**
 * report.html: one self-contained page summarising a run for people who do not open Parquet. It
 * loads nothing (a Content-Security-Policy forbids every fetch, so a stray external reference
 * shows up as a console error rather than a silent request), runs no script, and draws its charts
 * as inline SVG. All text from the data is escaped. A section whose dataset is not in the report
 * says so instead of disappearing, so readers know what the run did not produce.
 */
public final class HtmlReport {
  private HtmlReport() {}

  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"DejaVu Sans",sans-serif;margin:2em auto;max-width:960px;color:#222;padding:0 1em}
      h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
      table{border-collapse:collapse;margin:.5em 0;font-size:.9em}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
      td.n{text-align:right;font-variant-numeric:tabular-nums}th{background:#f4f4f4}
      svg.chart{width:100%;height:auto;max-width:720px;display:block;margin:.5em 0}
      .absent{color:#8a6d3b;background:#fcf8e3;border:1px solid #faebcc;padding:.5em}
      .note{color:#555;font-size:.9em}dl.counts{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}
      dl.counts dt{font-weight:bold}dl.counts dd{margin:0}
      @media print{h2{page-break-after:avoid}svg.chart{page-break-inside:avoid}}
      """;

  /** The page for a digest. */
  public static String render(ReportDigest d) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>TrendWire report: ").append(Html.escape(d.title())).append("</title><style>").append(STYLE)
        .append("</style></head><body>\n");
    h.append("<h1>TrendWire report: ").append(Html.escape(d.title())).append("</h1>\n");
    summary(h, d);
    entities(h, d);
    watch(h, d);
    pairs(h, d);
    topics(h, d);
    h.append("<p class=\"note\">Column meanings: docs/reports.md. Every chart point carries its exact value"
        + " (hover for a tooltip).</p>\n</body></html>\n");
    return h.toString();
  }

  private static void summary(StringBuilder h, ReportDigest d) {
    h.append("<section id=\"summary\"><h2>Run summary</h2><dl class=\"counts\">");
    for (String key : List.of("read", "accepted", "originals", "duplicates", "rejected", "published_min",
        "published_max", "mentions", "entities")) {
      Object v = d.counts().get(key);
      if (v != null) {
        h.append("<dt>").append(Html.escape(key)).append("</dt><dd data-count=\"").append(Html.escape(key))
            .append("\">").append(Html.escape(v.toString())).append("</dd>");
      }
    }
    h.append("</dl>\n<h3>Articles per period</h3>");
    if (d.articlesPerPeriod().isEmpty()) {
      h.append("<p class=\"absent\">No accepted articles.</p>");
    } else {
      h.append(SvgCharts.lines("articles-per-period", "Articles per period", "articles",
          List.of(new Series("accepted", "accepted", d.articlesPerPeriod()),
              new Series("originals", "originals", d.originalsPerPeriod()))));
    }
    h.append("<h3>Languages</h3>").append(SvgCharts.bars("languages", "Articles per language", "articles",
        d.languages()));
    h.append("<h3>Sources</h3>").append(SvgCharts.bars("sources", "Articles per source (top)", "articles",
        d.sources()));
    h.append("<h3>Rejected records by reason</h3>");
    if (d.rejectReasons().isEmpty()) {
      h.append("<p>No record was rejected.</p>");
    } else {
      h.append(SvgCharts.bars("reject-reasons", "Rejected records by reason", "records", d.rejectReasons()));
    }
    h.append("</section>\n");
  }

  private static void entities(StringBuilder h, ReportDigest d) {
    h.append("<section id=\"entities\"><h2>Entities</h2>");
    if (d.topEntities() == null) {
      absent(h, "entities/", "entity recognition was off for this run (entities.enabled)");
    } else {
      h.append("<h3>Most mentioned</h3>");
      table(h, "top-entities", List.of("entity_id", "name", "type", "country", "articles", "mentions"),
          d.topEntities(), 4);
    }
    if (d.entityShares() == null) {
      absent(h, "entity_trends/", "entity recognition was off for this run");
    } else if (!d.entityShares().isEmpty()) {
      h.append("<h3>Share of articles over time</h3>").append(SvgCharts.lines("entity-shares",
          "Share of the period's articles mentioning each entity", "share", d.entityShares()));
      h.append("<h3>Rising in the last period</h3><p class=\"note\">Share in the last period minus the mean share"
          + " of the ").append(ReportDigest.RISE_BASELINE).append(" periods before it; z from entity_trends/"
          + " where present.</p>");
      table(h, "rising-entities", List.of("name", "period", "articles", "share", "baseline", "rise", "z"),
          d.rising(), 2);
    }
    h.append("</section>\n");
  }

  private static void watch(StringBuilder h, ReportDigest d) {
    h.append("<section id=\"watch\"><h2>Watched pairs and entities</h2>");
    if (d.watch() == null) {
      absent(h, "watch/", "it is written by the co-occurrence and trends stages, not part of this build yet");
    } else if (d.watch().isEmpty()) {
      h.append("<p>watch/ is empty: nothing is watched (config).</p>");
    } else {
      for (Series s : d.watch()) {
        h.append("<h3>").append(Html.escape(s.label())).append("</h3>")
            .append(SvgCharts.lines("watch-" + s.id(), "Share over time: " + s.label() + " (bursts in red)",
                "share", List.of(s)));
        List<String> notes = d.watchNotes().get(s.id());
        if (notes != null) {
          h.append("<ul class=\"note\">");
          notes.forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
          h.append("</ul>");
        }
      }
    }
    h.append("</section>\n");
  }

  private static void pairs(StringBuilder h, ReportDigest d) {
    h.append("<section id=\"pairs\"><h2>Top pairs by NPMI</h2>");
    if (d.pairs() == null) {
      absent(h, "pairs/", "it is written by the co-occurrence stage, not part of this build yet");
    } else {
      h.append("<p class=\"note\">Pairs in at least ").append(ReportDigest.MIN_PAIR_ARTICLES)
          .append(" articles, whole run.</p>");
      table(h, "top-pairs", List.of("entity a", "entity b", "articles", "npmi", "llr"), d.pairs(), 2);
    }
    h.append("</section>\n");
  }

  private static void topics(StringBuilder h, ReportDigest d) {
    h.append("<section id=\"topics\"><h2>Topics</h2>");
    if (d.topics() == null) {
      absent(h, "topics/", "it is written by the topic stage, not part of this build yet");
    } else {
      table(h, "topics", List.of("topic_id", "label", "coherence", "prevalence"), d.topics(), 2);
      if (d.topicShares() == null) {
        absent(h, "topic_trends/", "no topic trends in this report");
      } else {
        h.append(SvgCharts.lines("topic-shares", "Topic share over time", "share", d.topicShares()));
      }
    }
    h.append("</section>\n");
  }

  private static void absent(StringBuilder h, String dataset, String why) {
    h.append("<p class=\"absent\" data-absent=\"").append(Html.escape(dataset)).append("\">")
        .append(Html.escape(dataset)).append(" is not in this report: ").append(Html.escape(why)).append(".</p>");
  }

  /** A table; columns from {@code firstNumeric} on are right-aligned numbers. */
  private static void table(StringBuilder h, String id, List<String> header, List<List<String>> rows,
      int firstNumeric) {
    if (rows.isEmpty()) {
      h.append("<p>No rows.</p>");
      return;
    }
    h.append("<table data-table=\"").append(Html.escape(id)).append("\"><thead><tr>");
    header.forEach(c -> h.append("<th>").append(Html.escape(c)).append("</th>"));
    h.append("</tr></thead><tbody>");
    for (List<String> row : rows) {
      h.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        h.append(i >= firstNumeric ? "<td class=\"n\">" : "<td>").append(Html.escape(row.get(i))).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</tbody></table>");
  }
}
