package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;

/**
 * Duplicate detection. Exact copies share a normalised-text hash; near-duplicates (syndicated
 * copies with edits) are found with Spark ML's MinHash LSH over word shingles and confirmed by
 * the overlap of their shingle sets.
 */
public record DedupeConfig(
    Boolean enabled,
    @JsonPropertyDescription("Also look for near-duplicates with MinHash LSH.")
    Boolean nearDuplicates,
    @JsonPropertyDescription("Overlap of two articles' word-shingle sets (shared / size of the smaller) at or above which they are copies.")
    Double minSimilarity,
    @JsonPropertyDescription("Words per shingle.")
    Integer shingleWords,
    @JsonPropertyDescription("MinHash tables; more find more pairs at more cost.")
    Integer hashTables,
    @JsonPropertyDescription("Shingles found in more articles than this are boilerplate and ignored.")
    Integer maxShingleArticles,
    @JsonPropertyDescription("Reports count every copy instead of originals only.")
    Boolean countCopies) implements Serializable {

  public static final DedupeConfig DEFAULT = new DedupeConfig(null, null, null, null, null, null, null);

  public DedupeConfig {
    enabled = enabled == null || enabled;
    nearDuplicates = nearDuplicates == null || nearDuplicates;
    minSimilarity = minSimilarity == null ? 0.7 : minSimilarity;
    shingleWords = shingleWords == null ? 3 : shingleWords;
    hashTables = hashTables == null ? 8 : hashTables;
    maxShingleArticles = maxShingleArticles == null ? 200 : maxShingleArticles;
    countCopies = countCopies != null && countCopies;
  }
}
