package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.util.List;

/** Entity recognition and linking against the gazetteer. */
public record EntitiesConfig(
    Boolean enabled,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonPropertyDescription("User gazetteer files (JSON Lines in the curated format, or CSV), merged on top of the built-in one.")
    List<String> gazetteers,
    @JsonPropertyDescription("Count cities and regions for their country in articles.countries (\"Mosca\" counts for Russia).")
    Boolean rollUp,
    @JsonPropertyDescription("Keep unknown proper names as candidate entities.")
    Boolean candidates,
    @JsonPropertyDescription("entities/ lists a candidate only if at least this many articles name it.")
    Integer minCandidateArticles,
    @JsonPropertyDescription("The case-ratio count of common words reads at most this many bytes (UTF-8) of text per language; larger languages are sampled at random.")
    Long commonWordsSampleBytes,
    @JsonPropertyDescription("entity_trends/ has complete series for entities in at least this many articles.")
    Integer trendMinArticles) implements Serializable {

  public static final EntitiesConfig DEFAULT = new EntitiesConfig(null, null, null, null, null, null, null);

  public EntitiesConfig {
    enabled = enabled == null || enabled;
    gazetteers = gazetteers == null ? List.of() : List.copyOf(gazetteers);
    rollUp = rollUp == null || rollUp;
    candidates = candidates == null || candidates;
    minCandidateArticles = minCandidateArticles == null ? 2 : minCandidateArticles;
    // 20 million characters: several times what a common word needs to show its lower case, and
    // a bounded cost (well under a second per language) however large the corpus.
    commonWordsSampleBytes = commonWordsSampleBytes == null ? 20_000_000L : commonWordsSampleBytes;
    trendMinArticles = trendMinArticles == null ? 3 : trendMinArticles;
  }
}
