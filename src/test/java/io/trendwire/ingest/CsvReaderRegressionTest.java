package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.concat;
import static io.trendwire.ingest.TestFiles.readAll;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendwire.SparkTestSession;
import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.io.TempDir;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails on ed5fbba: see the report. Needs TestFiles.java from src/test/java/io/trendwire/ingest. */
class CsvReaderRegressionTest {
  @Test
  void invalidUtf8IsARejectNotAnException() {
    byte[] content = concat(utf8("id,published,text\n1,2024-06-19,hello\n2,2024-06-20,caf"), new byte[] {(byte) 0xE9},
        utf8("\n3,2024-06-21,after\n"));
    // Today: CsvReader.read throws TextParsingException (MalformedInputException) from parser.stopParsing()
    // in the catch block (CsvReader.java:51); IngestIO.readFile does not catch it, so the Spark task fails.
    List<RawRecord> records = readAll(new CsvReader(',', StandardCharsets.UTF_8, 1 << 20), TestFiles.bytes("a.csv", content));
    RawRecord last = records.get(records.size() - 1);
    assertEquals(RejectReason.INVALID_UTF8, last.reason(), "bad bytes end the file as an INVALID_UTF8 reject");
  }

  @TempDir
  Path dir;

  @Test
  void invalidUtf8CsvDoesNotFailTheSparkJob() {
    TestFiles.write(dir, "in/a.csv", concat(utf8("id,published,text\n1,2024-06-19,hello\n2,2024-06-20,caf"),
        new byte[] {(byte) 0xE9}, utf8("\n")));
    InputConfig in = new InputConfig(List.of(dir.resolve("in").toString()), InputFormat.CSV, null, null, null, null,
        null, null, null, null, null, null, null);
    // Today: SparkException (task failed: TextParsingException) from collectAsList.
    long rows = IngestIO.readRecords(SparkTestSession.get(), in, 100, Instant.parse("2025-01-01T00:00:00Z"))
        .collectAsList().size();
    assertEquals(1, rows, "one INVALID_UTF8 reject for the file");
  }
}
