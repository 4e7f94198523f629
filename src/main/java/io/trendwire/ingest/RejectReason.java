package io.trendwire.ingest;

/** Why an input record did not become an article. Stable codes: analysts filter rejects/ by them. */
public enum RejectReason {
  /** The record is not parseable JSON (or the rest of a JSON file after a syntax error). */
  MALFORMED_JSON,
  /** A JSON record that is an array, string or number instead of an object. */
  NOT_AN_OBJECT,
  /** A CSV/TSV row whose quoting is broken or whose column count differs from the header. */
  MALFORMED_CSV,
  /** A Reuters SGML document that is not closed or has no NEWID. */
  MALFORMED_SGML,
  /** The bytes are not valid in the declared character set (UTF-8 by default). */
  INVALID_UTF8,
  /** The input declares or needs a character set that cannot be decoded or detected. */
  UNKNOWN_ENCODING,
  /** The record (line, file or array element) is larger than input.maxRecordBytes. */
  OVERSIZED_RECORD,
  /** The date field is absent or blank. */
  MISSING_DATE,
  /** The date cannot be parsed or does not exist (e.g. 30 February). */
  INVALID_DATE,
  /** The date parses but lies before 1800 or more than two days after the run. */
  DATE_OUT_OF_RANGE,
  /** The text fields are absent, blank or only markup. */
  EMPTY_TEXT,
  /** The file could not be read at all (I/O error, corrupt compression). */
  UNREADABLE_FILE
}
