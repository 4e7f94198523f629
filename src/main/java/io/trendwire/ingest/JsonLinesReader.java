package io.trendwire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Iterator;

/** JSON Lines: one object per line. Each line is decoded strictly, so one bad line costs one record. */
final class JsonLinesReader implements RecordReader {
  /** Trailing tokens fail: "{...} {...}" on one line would otherwise lose the second object. */
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  private final Charset charset;
  private final long maxRecordBytes;

  JsonLinesReader(Charset charset, long maxRecordBytes) {
    this.charset = charset;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Iterator<RawRecord> read(InputFile file) throws IOException {
    InputStream in = file.open();
    LineSplitter lines = new LineSplitter(in, maxRecordBytes);
    return new LazyIterator<>() {
      @Override
      protected RawRecord computeNext() {
        try {
          while (lines.next()) {
            if (!lines.isBlank()) {
              return parse(file.path(), lines);
            }
          }
          in.close();
          return null;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private RawRecord parse(String path, LineSplitter line) {
    long number = line.lineNumber();
    byte[] bytes = line.buffer();
    int start = line.lineNumber() == 1 ? TextDecoding.bomLength(bytes, line.length()) : 0;
    int length = line.length() - start;
    if (line.truncated()) {
      return RawRecord.rejected(path, number, TextDecoding.decodeLenient(bytes, start, length, charset),
          RejectReason.OVERSIZED_RECORD, "line longer than " + maxRecordBytes + " bytes");
    }
    String text = TextDecoding.decodeStrict(bytes, start, length, charset);
    if (text == null) {
      return RawRecord.rejected(path, number, TextDecoding.decodeLenient(bytes, start, length, charset),
          RejectReason.INVALID_UTF8, "bytes not valid " + charset.name());
    }
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return RawRecord.rejected(path, number, text, RejectReason.MALFORMED_JSON, e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      return RawRecord.rejected(path, number, text, RejectReason.NOT_AN_OBJECT,
          "a line holds " + (node == null ? "nothing" : node.getNodeType().name().toLowerCase()) + ", not an object");
    }
    return RawRecord.accepted(path, number, text, JsonFields.flatten(node));
  }
}
