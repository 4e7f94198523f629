package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;

/**
 * Baseline, surprise, burst and slope statistics added to every trend series (entity_trends,
 * pair_trends, watch and topic_trends) by {@code io.trendwire.trends.TrendStats}.
 */
public record TrendsConfig(
    @JsonPropertyDescription("Trailing baseline: the mean and deviation of the share over this many periods before the current one.")
    Integer baselinePeriods,
    @JsonPropertyDescription("z is null until the baseline has at least this many periods of history.")
    Integer minHistory,
    @JsonPropertyDescription("Slope: least-squares slope of the share over this many periods ending with the current one.")
    Integer slopePeriods,
    @JsonPropertyDescription("Kleinberg burst model: the burst state's rate is this many times the series' base rate.")
    Double burstScale,
    @JsonPropertyDescription("Kleinberg burst model: cost of entering the burst state, times ln(number of periods).")
    Double burstGamma,
    @JsonPropertyDescription("Also write the split datasets (*_trends_split/: by language and by source).")
    Boolean splits,
    @JsonPropertyDescription("Split datasets keep a language or source only if it has at least this many counted articles.")
    Integer splitMinArticles) implements Serializable {

  public static final TrendsConfig DEFAULT = new TrendsConfig(null, null, null, null, null, null, null);

  public TrendsConfig {
    baselinePeriods = baselinePeriods == null ? 6 : baselinePeriods;
    minHistory = minHistory == null ? 3 : minHistory;
    slopePeriods = slopePeriods == null ? 6 : slopePeriods;
    burstScale = burstScale == null ? 2.0 : burstScale;
    burstGamma = burstGamma == null ? 2.0 : burstGamma;
    splits = splits == null || splits;
    splitMinArticles = splitMinArticles == null ? 20 : splitMinArticles;
  }
}
