package io.trendwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder of plain-text files, one article per file. The record's fields are {@code file} (the
 * file name), {@code text}, the named groups of the file-name pattern, and the file's row of the
 * sidecar; config defaults fill in the rest later.
 */
final class TextFileReader implements RecordReader {
  private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

  private final Charset charset; // null: detect per file
  private final long maxRecordBytes;
  private final Pattern fileNamePattern; // may be null
  private final List<String> groupNames;
  private final Map<String, Map<String, String>> sidecar; // by file name

  TextFileReader(Charset charset, long maxRecordBytes, String fileNamePattern,
      Map<String, Map<String, String>> sidecar) {
    this.charset = charset;
    this.maxRecordBytes = maxRecordBytes;
    this.fileNamePattern = fileNamePattern == null ? null : Pattern.compile(fileNamePattern);
    this.groupNames = new ArrayList<>();
    if (fileNamePattern != null) {
      Matcher m = GROUP_NAME.matcher(fileNamePattern);
      while (m.find()) {
        groupNames.add(m.group(1));
      }
    }
    this.sidecar = sidecar == null ? Map.of() : sidecar;
  }

  @Override
  public Iterator<RawRecord> read(InputFile file) throws IOException {
    return Collections.singletonList(readOne(file)).iterator();
  }

  private RawRecord readOne(InputFile file) throws IOException {
    String path = file.path();
    byte[] bytes;
    boolean oversized;
    try (InputStream in = file.open()) {
      bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxRecordBytes + 1));
      oversized = bytes.length > maxRecordBytes;
    }
    Charset used = charset;
    int start = TextDecoding.bomLength(bytes, bytes.length);
    if (oversized) {
      return RawRecord.rejected(path, 1, TextDecoding.decodeLenient(bytes, start, bytes.length - start,
          used == null ? Charset.forName("UTF-8") : used), RejectReason.OVERSIZED_RECORD,
          "file larger than " + maxRecordBytes + " bytes");
    }
    if (used == null && bytes.length == 0) {
      used = Charset.forName("UTF-8"); // nothing to detect: the empty text is rejected as EMPTY_TEXT
    }
    if (used == null) {
      used = TextDecoding.detect(bytes, bytes.length);
      if (used == null) {
        return RawRecord.rejected(path, 1, TextDecoding.decodeLenient(bytes, start, bytes.length - start,
            Charset.forName("ISO-8859-1")), RejectReason.UNKNOWN_ENCODING, "character set could not be detected");
      }
    }
    String text = TextDecoding.decodeStrict(bytes, start, bytes.length - start, used);
    if (text == null) {
      return RawRecord.rejected(path, 1, TextDecoding.decodeLenient(bytes, start, bytes.length - start, used),
          TextDecoding.isUtf8(used) ? RejectReason.INVALID_UTF8 : RejectReason.UNKNOWN_ENCODING,
          "bytes not valid " + used.name());
    }
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("file", file.name());
    fields.put("text", text);
    if (fileNamePattern != null) {
      Matcher m = fileNamePattern.matcher(file.name());
      if (m.matches()) {
        for (String group : groupNames) {
          if (m.group(group) != null) {
            fields.put(group, m.group(group));
          }
        }
      }
    }
    Map<String, String> meta = sidecar.get(file.name());
    if (meta != null) {
      meta.forEach(fields::putIfAbsent);
    }
    return RawRecord.accepted(path, 1, text, fields);
  }
}
