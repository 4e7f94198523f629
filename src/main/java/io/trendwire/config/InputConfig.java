package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What to read. Relative paths are resolved against the working directory (run from the
 * repository root for the bundled configs).
 */
public record InputConfig(
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonPropertyDescription("Files, folders or globs. Folders are read recursively.")
    List<String> paths,
    InputFormat format,
    @JsonPropertyDescription("Glob for file names inside folders; default depends on the format.")
    String fileGlob,
    FieldMapping fields,
    @JsonPropertyDescription("Values for fields a record lacks, e.g. {\"source\": \"KCNA\"}.")
    Map<String, String> defaults,
    @JsonPropertyDescription("text format: regex with named groups (id, published, source, language, ...) "
        + "matched against the file name.")
    String fileNamePattern,
    @JsonPropertyDescription("text format: JSON Lines or CSV file with a 'file' column and metadata per file.")
    String sidecar,
    @JsonPropertyDescription("Character set of the input, or 'auto' to detect it per file (ICU).")
    String encoding,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
    @JsonPropertyDescription("Extra java.time patterns tried after ISO-8601, RFC 1123 and epoch numbers.")
    List<String> dateFormats,
    @JsonPropertyDescription("Zone for dates that carry no offset. Default UTC.")
    String timeZone,
    @JsonPropertyDescription("Records longer than this (bytes) are rejected as OVERSIZED_RECORD.")
    Long maxRecordBytes,
    @JsonPropertyDescription("csv/tsv: field delimiter (default ',' for csv and tab for tsv).")
    String delimiter,
    @JsonPropertyDescription("Accept records with a title but no text, using the title as the text "
        + "(wire briefs, photo captions). Default false: such records are rejected as EMPTY_TEXT.")
    Boolean titleAsText) implements Serializable {

  public static final long DEFAULT_MAX_RECORD_BYTES = 4L << 20;
  public static final InputConfig DEFAULT =
      new InputConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);

  public InputConfig {
    paths = paths == null ? List.of() : List.copyOf(paths);
    format = format == null ? InputFormat.JSONL : format;
    fileGlob = fileGlob == null || fileGlob.isBlank() ? format.defaultFileGlob() : fileGlob;
    fields = fields == null ? FieldMapping.DEFAULT : fields;
    defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
    encoding = encoding == null || encoding.isBlank()
        ? (format == InputFormat.REUTERS_SGML ? "ISO-8859-1" : "UTF-8") : encoding;
    dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
    timeZone = timeZone == null || timeZone.isBlank() ? "UTC" : timeZone;
    maxRecordBytes = maxRecordBytes == null ? DEFAULT_MAX_RECORD_BYTES : maxRecordBytes;
    delimiter = delimiter == null || delimiter.isEmpty() ? (format == InputFormat.TSV ? "\t" : ",") : delimiter;
    titleAsText = titleAsText != null && titleAsText;
  }

  public InputConfig withPaths(List<String> newPaths) {
    return new InputConfig(newPaths, format, fileGlob, fields, defaults, fileNamePattern, sidecar,
        encoding, dateFormats, timeZone, maxRecordBytes, delimiter, titleAsText);
  }
}
