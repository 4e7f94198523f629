package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** The analyst-facing extras written beside the Parquet datasets: report.html and network.gexf. */
public record ReportConfig(
    @JsonPropertyDescription("Write report.html, a self-contained summary with SVG charts.")
    Boolean html,
    @JsonPropertyDescription("Rows per table and series per chart in report.html (top entities, pairs, topics).")
    Integer htmlTopN,
    @JsonPropertyDescription("Write network.gexf, the entity co-occurrence network (needs pairs/ and pair_trends/).")
    Boolean network,
    @JsonPropertyDescription("Period of the network: \"all\" (the whole run, from pairs/), \"latest\" (the last period"
        + " of pair_trends/) or the first day of a period, e.g. \"2024-06-01\".")
    String networkPeriod,
    @JsonPropertyDescription("Co-occurrence scope of the network: document or sentence.")
    String networkScope,
    @JsonPropertyDescription("At most this many edges, those with the most co-mentions (then the highest NPMI).")
    Integer networkMaxEdges) implements Serializable {

  public static final ReportConfig DEFAULT = new ReportConfig(null, null, null, null, null, null);
  public static final String ALL = "all";
  public static final String LATEST = "latest";

  public ReportConfig {
    html = html == null || html;
    htmlTopN = htmlTopN == null ? 15 : htmlTopN;
    network = network == null || network;
    networkPeriod = networkPeriod == null || networkPeriod.isBlank() ? ALL : networkPeriod.trim().toLowerCase();
    networkScope = networkScope == null || networkScope.isBlank() ? "document" : networkScope.trim().toLowerCase();
    networkMaxEdges = networkMaxEdges == null ? 500 : networkMaxEdges;
  }

  /** The network's period as a date, or null for {@link #ALL} and {@link #LATEST}. */
  public LocalDate networkPeriodDate() {
    return ALL.equals(networkPeriod) || LATEST.equals(networkPeriod) ? null : LocalDate.parse(networkPeriod);
  }

  /** Whether {@link #networkPeriod} is all, latest or an ISO date. */
  boolean networkPeriodValid() {
    try {
      networkPeriodDate();
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
