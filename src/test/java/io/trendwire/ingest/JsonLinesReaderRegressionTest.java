package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails on ed5fbba: see the report. Needs TestFiles.java from src/test/java/io/trendwire/ingest. */
class JsonLinesReaderRegressionTest {
  @Test
  void trailingContentAfterTheObjectIsMalformed() {
    List<RawRecord> records = readAll(new JsonLinesReader(StandardCharsets.UTF_8, 1000),
        TestFiles.bytes("a.jsonl", "{\"a\":1} {\"b\":2}\n{\"a\":1}xyz\n"));
    assertEquals(2, records.size(), "two lines");
    // Today both are accepted with fields {a=1}: the second object and the garbage are silently dropped.
    assertEquals(RejectReason.MALFORMED_JSON, records.get(0).reason(), "two objects on one line");
    assertEquals(RejectReason.MALFORMED_JSON, records.get(1).reason(), "garbage after the object");
  }
}
