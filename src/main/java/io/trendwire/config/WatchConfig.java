package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.util.List;

/** The watch list: watched entities and pairs followed period by period in watch/. */
public record WatchConfig(
    @JsonPropertyDescription("Watched entities and pairs. Default: Russia–North Korea (country:RU with country:KP).")
    List<WatchItem> items,
    @JsonPropertyDescription("top_entities lists this many co-mentioned entities per period.")
    Integer topEntities,
    @JsonPropertyDescription("top_topics lists this many topics per period (once topics are enabled).")
    Integer topTopics,
    @JsonPropertyDescription("sample_titles lists this many articles per period (earliest first).")
    Integer sampleTitles) implements Serializable {

  public static final List<WatchItem> RUSSIA_NORTH_KOREA =
      List.of(new WatchItem("russia-north-korea", List.of("country:RU", "country:KP")));

  public static final WatchConfig DEFAULT = new WatchConfig(null, null, null, null);

  public WatchConfig {
    items = items == null ? RUSSIA_NORTH_KOREA : List.copyOf(items);
    topEntities = topEntities == null ? 10 : topEntities;
    topTopics = topTopics == null ? 5 : topTopics;
    sampleTitles = sampleTitles == null ? 5 : sampleTitles;
  }
}
