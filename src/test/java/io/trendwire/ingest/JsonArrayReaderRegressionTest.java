package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.concat;
import static io.trendwire.ingest.TestFiles.readAll;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails on ed5fbba: see the report. Needs TestFiles.java from src/test/java/io/trendwire/ingest. */
class JsonArrayReaderRegressionTest {
  private static JsonArrayReader reader() {
    return new JsonArrayReader(1 << 20);
  }

  private static void assertAccepted(RawRecord r) {
    assertNull(r.reason(), () -> "record " + r.record() + " should be accepted: " + r.detail());
  }

  @Test
  void invalidUtf8InAStringIsInvalidUtf8() {
    byte[] content = concat(utf8("[{\"id\":\"a\"},{\"id\":\"caf"), new byte[] {(byte) 0xE9}, utf8("\"},{\"id\":\"c\"}]"));
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("u.json", content));
    assertAccepted(records.get(0));
    RawRecord last = records.get(records.size() - 1);
    assertEquals(RejectReason.INVALID_UTF8, last.reason(), "a latin-1 byte in a UTF-8 JSON file: " + last.detail());
  }

  @Test
  void syntaxErrorInsideAnElementKeepsThatElementsNumber() {
    String content = "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\": oops},{\"id\":\"d\"}]";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("m.json", content));
    assertEquals(3, records.size(), "two good elements and one reject for the rest");
    assertEquals(RejectReason.MALFORMED_JSON, records.get(2).reason(), "syntax error");
    assertEquals(3, records.get(2).record(), "the broken element is the third, not the fourth");
  }
}
