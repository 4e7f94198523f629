package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.util.List;

/**
 * The whole job configuration: an immutable record tree read from JSON by {@link ConfigLoader}.
 * Every field has a default, so a config only states what differs; unknown fields are rejected
 * so that a typo never silently falls back to a default.
 */
public record TrendWireConfig(
    @JsonPropertyDescription("Where the articles come from and how their fields map to ours.")
    InputConfig input,
    @JsonPropertyDescription("Where the report folder goes.")
    OutputConfig output,
    @JsonPropertyDescription("Reporting period: day, week (ISO week, starting Monday) or month.")
    Period period,
    @JsonProperty("timeZone")
    @JsonPropertyDescription("Time zone in which periods start (IANA id). Default UTC.")
    String timeZone,
    DedupeConfig dedupe,
    LanguageConfig language,
    EntitiesConfig entities,
    TopicsConfig topics,
    @JsonPropertyDescription("report.html and the GEXF network export.")
    ReportConfig report,
    SparkConfig spark,
    @JsonPropertyDescription("Entity co-occurrence: pairs/ and pair_trends/.")
    CooccurConfig cooccur,
    @JsonPropertyDescription("Baseline, z, bursts and slope of every trend series.")
    TrendsConfig trends,
    @JsonPropertyDescription("Watched entities and pairs: watch/.")
    WatchConfig watch) implements Serializable {

  public TrendWireConfig {
    input = input == null ? InputConfig.DEFAULT : input;
    output = output == null ? OutputConfig.DEFAULT : output;
    period = period == null ? Period.MONTH : period;
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    dedupe = dedupe == null ? DedupeConfig.DEFAULT : dedupe;
    language = language == null ? LanguageConfig.DEFAULT : language;
    entities = entities == null ? EntitiesConfig.DEFAULT : entities;
    topics = topics == null ? TopicsConfig.DEFAULT : topics;
    report = report == null ? ReportConfig.DEFAULT : report;
    spark = spark == null ? SparkConfig.DEFAULT : spark;
    cooccur = cooccur == null ? CooccurConfig.DEFAULT : cooccur;
    trends = trends == null ? TrendsConfig.DEFAULT : trends;
    watch = watch == null ? WatchConfig.DEFAULT : watch;
  }

  public TrendWireConfig withInputPaths(List<String> paths) {
    return new TrendWireConfig(input.withPaths(paths), output, period, timeZone, dedupe, language, entities, topics, report, spark, cooccur, trends, watch);
  }

  public TrendWireConfig withOutput(OutputConfig newOutput) {
    return new TrendWireConfig(input, newOutput, period, timeZone, dedupe, language, entities, topics, report, spark, cooccur, trends, watch);
  }

  public TrendWireConfig withPeriod(Period newPeriod) {
    return new TrendWireConfig(input, output, newPeriod, timeZone, dedupe, language, entities, topics, report, spark, cooccur, trends, watch);
  }

  public TrendWireConfig withTopics(TopicsConfig newTopics) {
    return new TrendWireConfig(input, output, period, timeZone, dedupe, language, entities, newTopics, report, spark, cooccur, trends, watch);
  }
}
