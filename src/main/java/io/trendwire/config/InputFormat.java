package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The input formats TrendWire reads; each has a reader in {@code io.trendwire.ingest}. */
public enum InputFormat {
  /** JSON Lines, one object per line; plain, .gz or .bz2. */
  JSONL("*"),
  /** Files holding one JSON array of article objects (or a single object). */
  JSON("*.json*"),
  PARQUET("*.parquet"),
  CSV("*"),
  TSV("*"),
  /** A folder of plain-text files, one article per file. */
  TEXT("*.txt*"),
  /** Reuters-21578 SGML files. */
  REUTERS_SGML("*.sgm*"),
  /** fundus parser test pages: {@code <Publisher>.json} files with versioned extractions. */
  FUNDUS("*.json");

  private final String defaultFileGlob;

  InputFormat(String defaultFileGlob) {
    this.defaultFileGlob = defaultFileGlob;
  }

  /** File-name glob used when a folder is given and the config names none. */
  public String defaultFileGlob() {
    return defaultFileGlob;
  }

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static InputFormat parse(String value) {
    for (InputFormat f : values()) {
      if (f.id().equalsIgnoreCase(value.trim())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + value + "', expected one of "
        + Arrays.stream(values()).map(InputFormat::id).collect(Collectors.joining(", ")));
  }
}
