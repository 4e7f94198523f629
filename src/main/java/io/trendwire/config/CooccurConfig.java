package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;

/** Entity co-occurrence: pairs/ and pair_trends/ in the document and sentence scopes. */
public record CooccurConfig(
    Boolean enabled,
    @JsonPropertyDescription("Per article only its top K entities pair up (most mentions, then first mentioned, then id), so an article yields at most K(K-1)/2 pairs.")
    Integer topK,
    @JsonPropertyDescription("pairs/ lists a pair only if at least this many counted articles co-mention it (in the scope).")
    Integer minSupport,
    @JsonPropertyDescription("pair_trends/ has complete series for pairs co-mentioned in at least this many counted articles.")
    Integer trendMinSupport,
    @JsonPropertyDescription("Cities and regions count as their country for co-occurrence (\"Mosca e Pyongyang\" pairs Russia with North Korea).")
    Boolean rollUp,
    @JsonPropertyDescription("Unknown proper names (candidates) pair up too.")
    Boolean candidates) implements Serializable {

  public static final CooccurConfig DEFAULT = new CooccurConfig(null, null, null, null, null, null);

  public CooccurConfig {
    enabled = enabled == null || enabled;
    topK = topK == null ? 20 : topK;
    minSupport = minSupport == null ? 3 : minSupport;
    trendMinSupport = trendMinSupport == null ? 5 : trendMinSupport;
    rollUp = rollUp == null || rollUp;
    candidates = candidates != null && candidates;
  }
}
