package io.trendwire.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Iterator;

/**
 * Files holding a JSON array of article objects (or one object), streamed element by element.
 * JSON has no record boundaries to resynchronise on, so a syntax error rejects the rest of the
 * file as one record that says where the error was.
 */
final class JsonArrayReader implements RecordReader {
  private final long maxRecordBytes;

  JsonArrayReader(long maxRecordBytes) {
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Iterator<RawRecord> read(InputFile file) throws IOException {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxRecordBytes)).build())
        .build();
    ObjectMapper mapper = new ObjectMapper(factory);
    InputStream in = file.open();
    JsonParser parser = factory.createParser(in);
    parser.setCodec(mapper);
    String path = file.path();
    JsonToken first;
    try {
      first = parser.nextToken();
    } catch (IOException e) {
      in.close();
      return Collections.singletonList(failure(path, 1, e)).iterator();
    }
    if (first == null) {
      in.close();
      return Collections.emptyIterator();
    }
    boolean array = first == JsonToken.START_ARRAY;
    return new LazyIterator<>() {
      long number;
      boolean finished;

      @Override
      protected RawRecord computeNext() {
        if (finished) {
          return null;
        }
        try {
          JsonToken token = array ? parser.nextToken() : (number == 0 ? parser.currentToken() : null);
          if (token == null || token == JsonToken.END_ARRAY) {
            return finish(null);
          }
          JsonNode node = parser.readValueAsTree();
          number++;
          String raw = node.toString();
          if (raw.length() > maxRecordBytes) {
            return RawRecord.rejected(path, number, raw, RejectReason.OVERSIZED_RECORD,
                "element longer than " + maxRecordBytes + " bytes");
          }
          if (!node.isObject()) {
            return RawRecord.rejected(path, number, raw, RejectReason.NOT_AN_OBJECT,
                "array element is " + node.getNodeType().name().toLowerCase() + ", not an object");
          }
          return RawRecord.accepted(path, number, raw, JsonFields.flatten(node));
        } catch (IOException e) {
          return finish(failure(path, number + 1, e));
        }
      }

      private RawRecord finish(RawRecord last) {
        finished = true;
        try {
          parser.close();
          in.close();
        } catch (IOException ignored) {
          // the records are already read; a failing close changes nothing for them
        }
        return last;
      }
    };
  }

  private static RawRecord failure(String path, long number, IOException e) {
    String where = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
        ? " at byte " + jpe.getLocation().getByteOffset() : "";
    String original = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    if (e instanceof CharConversionException || original != null && original.startsWith("Invalid UTF-8")) {
      return RawRecord.rejected(path, number, null, RejectReason.INVALID_UTF8,
          "invalid bytes" + where + "; the rest of the file is unreadable: " + e.getMessage());
    }
    String message = original;
    RejectReason reason = message != null && message.contains("exceeds the maximum")
        ? RejectReason.OVERSIZED_RECORD : RejectReason.MALFORMED_JSON;
    return RawRecord.rejected(path, number, null, reason,
        "syntax error" + where + "; the rest of the file is unreadable: " + message);
  }
}
