package io.trendwire.ingest;

import java.io.Serializable;
import java.util.Map;

/**
 * One input record as its reader saw it. {@code fields} holds the record's fields as strings
 * (nested JSON fields under dotted names). A reader that cannot make sense of the record sets
 * {@code reason} instead, keeping the raw text so nothing is lost.
 *
 * @param sourceFile the input file
 * @param record 1-based record number within the file (line, array element, document or row)
 * @param raw the record as read, possibly cut to a bound by the caller
 */
public record RawRecord(String sourceFile, long record, String raw, Map<String, String> fields,
    RejectReason reason, String detail) implements Serializable {

  public static RawRecord accepted(String sourceFile, long record, String raw, Map<String, String> fields) {
    return new RawRecord(sourceFile, record, raw, fields, null, null);
  }

  public static RawRecord rejected(String sourceFile, long record, String raw, RejectReason reason, String detail) {
    return new RawRecord(sourceFile, record, raw, null, reason, detail);
  }
}
