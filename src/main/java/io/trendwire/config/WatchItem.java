package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.util.List;

/** One watched entity or pair: its rows in watch/ count the articles that mention all of them. */
public record WatchItem(
    @JsonPropertyDescription("The watch_id of its rows in watch/.")
    String id,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonPropertyDescription("Entity ids (\"country:RU\"): one for a single entity, two for a pair (more: articles mentioning all).")
    List<String> entities) implements Serializable {

  public WatchItem {
    entities = entities == null ? List.of() : List.copyOf(entities);
  }
}
