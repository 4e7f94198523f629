package io.trendwire.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Inline SVG charts for report.html: drawn as markup, no script, so they render offline, scale and
 * print. Every data point is an element carrying its values in {@code data-series}, {@code data-x}
 * and {@code data-y} (the exact number, not the drawn position), so a reader, or a test, can check
 * a chart against the Parquet it summarises.
 */
final class SvgCharts {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 240;
  private static final int LEFT = 56;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 64;
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
      "#e377c2", "#17becf"};

  private SvgCharts() {}

  /** One value at one x (a period, as ISO date text); {@code marked} draws a burst marker. */
  record Point(String x, double y, boolean marked) {
    Point(String x, double y) {
      this(x, y, false);
    }
  }

  /** A named line: {@code id} is the stable key (entity id, topic id), {@code label} what people read. */
  record Series(String id, String label, List<Point> points) {}

  /**
   * Lines over a shared, ordered x axis (the union of the series' x values, sorted as text, which
   * orders ISO dates). Marked points get a red ring and a shaded column: bursts.
   */
  static String lines(String chartId, String title, String yLabel, List<Series> series) {
    List<String> xs = xAxis(series);
    double max = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        max = Math.max(max, p.y());
      }
    }
    double yMax = niceMax(max);
    StringBuilder svg = open(chartId, title, legendHeight(series));
    axes(svg, xs, yMax, yLabel);
    int colour = 0;
    for (Series s : series) {
      String c = COLOURS[colour++ % COLOURS.length];
      StringBuilder path = new StringBuilder();
      StringBuilder marks = new StringBuilder();
      for (Point p : s.points()) {
        double x = x(xs, p.x());
        double y = y(p.y(), yMax);
        path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(',').append(fmt(y));
        if (p.marked()) {
          double band = Math.max(4, (WIDTH - LEFT - RIGHT) / (double) Math.max(1, xs.size()));
          svg.append("<rect class=\"burst\" x=\"").append(fmt(x - band / 2)).append("\" y=\"").append(TOP)
              .append("\" width=\"").append(fmt(band)).append("\" height=\"").append(HEIGHT - TOP - BOTTOM)
              .append("\" fill=\"#d62728\" fill-opacity=\"0.08\"/>");
        }
        marks.append("<circle class=\"point").append(p.marked() ? " marked" : "").append("\" cx=\"").append(fmt(x))
            .append("\" cy=\"").append(fmt(y)).append("\" r=\"").append(p.marked() ? 4.5 : 2.5).append("\" fill=\"")
            .append(p.marked() ? "#d62728" : c).append("\" data-series=\"").append(Html.escape(s.id()))
            .append("\" data-x=\"").append(Html.escape(p.x())).append("\" data-y=\"").append(p.y())
            .append("\" data-burst=\"").append(p.marked()).append("\"><title>").append(Html.escape(s.label()))
            .append(", ").append(Html.escape(p.x())).append(": ").append(label(p.y()))
            .append(p.marked() ? " (burst)" : "").append("</title></circle>");
      }
      svg.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"").append(c)
          .append("\" stroke-width=\"1.5\"/>").append(marks);
    }
    legend(svg, series);
    return svg.append("</svg>").toString();
  }

  /** Vertical bars, one per point, in the given order. */
  static String bars(String chartId, String title, String yLabel, List<Point> points) {
    List<String> xs = points.stream().map(Point::x).toList();
    double max = points.stream().mapToDouble(Point::y).max().orElse(0);
    double yMax = niceMax(max);
    StringBuilder svg = open(chartId, title, 0);
    axes(svg, xs, yMax, yLabel);
    double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, xs.size());
    for (Point p : points) {
      double x = x(xs, p.x());
      double y = y(p.y(), yMax);
      svg.append("<rect class=\"bar\" x=\"").append(fmt(x - slot * 0.4)).append("\" y=\"").append(fmt(y))
          .append("\" width=\"").append(fmt(slot * 0.8)).append("\" height=\"").append(fmt(HEIGHT - BOTTOM - y))
          .append("\" fill=\"").append(COLOURS[0]).append("\" data-x=\"").append(Html.escape(p.x()))
          .append("\" data-y=\"").append(p.y()).append("\"><title>").append(Html.escape(p.x())).append(": ")
          .append(label(p.y())).append("</title></rect>");
    }
    return svg.append("</svg>").toString();
  }

  /** {@code legend}: height of the legend band drawn above the plot (at negative y). */
  private static StringBuilder open(String chartId, String title, int legend) {
    return new StringBuilder("<svg class=\"chart\" data-chart=\"").append(Html.escape(chartId))
        .append("\" viewBox=\"0 ").append(-legend).append(' ').append(WIDTH).append(' ').append(HEIGHT + legend)
        .append("\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\"><title>").append(Html.escape(title))
        .append("</title>");
  }

  private static void axes(StringBuilder svg, List<String> xs, double yMax, String yLabel) {
    int bottom = HEIGHT - BOTTOM;
    svg.append("<g class=\"axes\" font-size=\"10\" fill=\"#555\">");
    for (int i = 0; i <= 4; i++) {
      double v = yMax * i / 4;
      double y = y(v, yMax);
      svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(fmt(y))
          .append("\" y2=\"").append(fmt(y)).append("\" stroke=\"#e5e5e5\"/>")
          .append("<text x=\"").append(LEFT - 4).append("\" y=\"").append(fmt(y + 3))
          .append("\" text-anchor=\"end\">").append(label(v)).append("</text>");
    }
    // At most ~12 x labels, so monthly series of several years stay legible.
    int step = Math.max(1, (int) Math.ceil(xs.size() / 12.0));
    for (int i = 0; i < xs.size(); i += step) {
      // Slanted, and long names cut, so that neighbouring labels do not overprint each other.
      String text = xs.get(i).length() > 18 ? xs.get(i).substring(0, 17) + "…" : xs.get(i);
      String x = fmt(x(xs, xs.get(i)));
      svg.append("<text x=\"").append(x).append("\" y=\"").append(bottom + 12).append("\" transform=\"rotate(-30 ")
          .append(x).append(' ').append(bottom + 12).append(")\" text-anchor=\"end\">").append(Html.escape(text))
          .append("</text>");
    }
    svg.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(bottom)
        .append("\" y2=\"").append(bottom).append("\" stroke=\"#999\"/>")
        .append("<text x=\"12\" y=\"").append(TOP + (bottom - TOP) / 2).append("\" transform=\"rotate(-90 12 ")
        .append(TOP + (bottom - TOP) / 2).append(")\" text-anchor=\"middle\">").append(Html.escape(yLabel))
        .append("</text></g>");
  }

  private static final int LEGEND_COLUMNS = 3;
  private static final int LEGEND_ROW = 14;
  private static final int LEGEND_CHARS = 34;

  private static int legendHeight(List<Series> series) {
    return series.size() < 2 ? 0 : LEGEND_ROW * ((series.size() + LEGEND_COLUMNS - 1) / LEGEND_COLUMNS) + 4;
  }

  /** Names in a band of three columns above the plot, cut so that they never overprint each other. */
  private static void legend(StringBuilder svg, List<Series> series) {
    int height = legendHeight(series);
    if (height == 0) {
      return;
    }
    double column = (WIDTH - LEFT - RIGHT) / (double) LEGEND_COLUMNS;
    svg.append("<g class=\"legend\" font-size=\"10\">");
    for (int i = 0; i < series.size(); i++) {
      String name = series.get(i).label();
      if (name.length() > LEGEND_CHARS) {
        name = name.substring(0, LEGEND_CHARS - 1) + "…";
      }
      double x = LEFT + column * (i % LEGEND_COLUMNS);
      int y = -height + LEGEND_ROW * (i / LEGEND_COLUMNS) + 10;
      svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y - 4).append("\" width=\"10\" height=\"3\" fill=\"")
          .append(COLOURS[i % COLOURS.length]).append("\"/><text x=\"").append(fmt(x + 13)).append("\" y=\"")
          .append(y).append("\">").append(Html.escape(name)).append("</text>");
    }
    svg.append("</g>");
  }

  private static List<String> xAxis(List<Series> series) {
    Set<String> xs = new LinkedHashSet<>();
    series.forEach(s -> s.points().forEach(p -> xs.add(p.x())));
    List<String> sorted = new ArrayList<>(xs);
    sorted.sort(null);
    return sorted;
  }

  private static double x(List<String> xs, String value) {
    double slot = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, xs.size());
    return LEFT + slot * (xs.indexOf(value) + 0.5);
  }

  private static double y(double value, double yMax) {
    return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (yMax == 0 ? 0 : value / yMax);
  }

  /** The smallest 1, 2 or 5 × 10^k at or above max (1 for an all-zero chart). */
  static double niceMax(double max) {
    if (!(max > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * magnitude >= max) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** A number as people read it on an axis or in a tooltip. */
  static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return Math.abs(v) >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
