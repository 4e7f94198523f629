package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;

/** Where and how the report folder is written. */
public record OutputConfig(
    @JsonPropertyDescription("The report folder. It must not exist unless overwrite is true.")
    String path,
    @JsonPropertyDescription("Replace an existing report folder (only once the new run has succeeded).")
    Boolean overwrite,
    @JsonPropertyDescription("rejects/raw keeps at most this many characters of the rejected record.")
    Integer rejectRawChars,
    @JsonPropertyDescription("Parquet files per dataset; 0 lets Spark decide.")
    Integer files) implements Serializable {

  public static final OutputConfig DEFAULT = new OutputConfig(null, null, null, null);

  public OutputConfig {
    path = path == null || path.isBlank() ? "reports/run" : path;
    overwrite = overwrite != null && overwrite;
    rejectRawChars = rejectRawChars == null ? 2000 : rejectRawChars;
    files = files == null ? 0 : files;
  }

  public OutputConfig withPath(String newPath) {
    return new OutputConfig(newPath, overwrite, rejectRawChars, files);
  }

  public OutputConfig withOverwrite(boolean newOverwrite) {
    return new OutputConfig(path, newOverwrite, rejectRawChars, files);
  }
}
