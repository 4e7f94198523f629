package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.readAll;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
  @TempDir
  Path dir;

  private static CsvReader csv() {
    return new CsvReader(',', StandardCharsets.UTF_8, 1 << 20);
  }

  private static void assertAccepted(RawRecord r) {
    assertNull(r.reason(), () -> "row " + r.record() + " should be accepted: " + r.detail());
  }

  @Test
  void headerNamesTheFieldsAndQuotedFieldsMaySpanLines() {
    String content = "id,published,text\n"
        + "1,2024-06-19,hello\n"
        + "2,2024-06-20,\"multi\nline, with comma and \"\"quotes\"\"\"\n"
        + "3,2024-06-21,last\n";
    List<RawRecord> records = readAll(csv(), TestFiles.bytes("a.csv", content));
    assertEquals(3, records.size(), "three data rows (the header is not a record)");
    records.forEach(CsvReaderTest::assertAccepted);
    assertEquals(1, records.get(0).record(), "rows numbered from 1 after the header");
    assertEquals("2024-06-19", records.get(0).fields().get("published"), "published");
    assertEquals("multi\nline, with comma and \"quotes\"", records.get(1).fields().get("text"), "quoted field");
    assertEquals(3, records.get(2).record(), "a multi-line row is one record");
    assertTrue(records.get(0).raw().startsWith("1,2024-06-19,hello"), "raw is the row: " + records.get(0).raw());
  }

  @Test
  void tsvWithByteOrderMarkAndCrlf() {
    String content = "\uFEFFid\tpublished\ttext\r\n1\t2024-06-19\thello, world\r\n2\t2024-06-20\tsecond\r\n";
    List<RawRecord> records = readAll(new CsvReader('\t', StandardCharsets.UTF_8, 1 << 20),
        TestFiles.bytes("a.tsv", content));
    assertEquals(2, records.size(), "two rows");
    records.forEach(CsvReaderTest::assertAccepted);
    assertEquals("1", records.get(0).fields().get("id"), "the BOM is not part of the first header name");
    assertEquals("hello, world", records.get(0).fields().get("text"), "commas are plain text in TSV");
    assertEquals("second", records.get(1).fields().get("text"), "CRLF line ends");
  }

  @Test
  void gzipCsvFile() {
    Path file = TestFiles.writeGzip(dir, "a.csv.gz", utf8("id,published,text\n1,2024-06-19,hello\n"));
    List<RawRecord> records = readAll(csv(), TestFiles.hadoop(file));
    assertEquals(1, records.size(), "one row");
    assertEquals("hello", records.get(0).fields().get("text"), "decompressed");
  }

  @Test
  void emptyValuesAreAbsentAndEmptyLinesSkipped() {
    List<RawRecord> records = readAll(csv(), TestFiles.bytes("a.csv", "id,published,text\n1,,\n\n2,x,\"\"\n"));
    assertEquals(2, records.size(), "the empty line is not a row");
    assertEquals("1", records.get(0).fields().get("id"), "id");
    assertFalse(records.get(0).fields().containsKey("published"), "an empty value is absent");
    assertFalse(records.get(1).fields().containsKey("text"), "an empty quoted value is absent");
  }

  @Test
  void emptyFileAndHeaderOnly() {
    assertEquals(0, readAll(csv(), TestFiles.bytes("e.csv", "")).size(), "empty file");
    assertEquals(0, readAll(csv(), TestFiles.bytes("h.csv", "id,published,text\n")).size(), "header only");
  }

  @Test
  void rowWithWrongColumnCountIsRejectedOnItsOwn() {
    String content = "id,published,text\n1,2024-06-19,hello\n2,2024-06-20\n3,2024-06-21,x,y\n4,2024-06-22,last\n";
    List<RawRecord> records = readAll(csv(), TestFiles.bytes("a.csv", content));
    assertEquals(4, records.size(), "four rows");
    assertAccepted(records.get(0));
    assertEquals(RejectReason.MALFORMED_CSV, records.get(1).reason(), "too few columns");
    assertEquals(2, records.get(1).record(), "row number");
    assertTrue(records.get(1).raw().startsWith("2,2024-06-20"), "raw keeps the row: " + records.get(1).raw());
    assertTrue(records.get(1).detail().contains("2 columns"), "detail: " + records.get(1).detail());
    assertEquals(RejectReason.MALFORMED_CSV, records.get(2).reason(), "too many columns");
    assertAccepted(records.get(3));
    assertEquals("last", records.get(3).fields().get("text"), "reading goes on");
  }

  @Test
  void oversizedFieldRejectsTheRestOfTheFile() {
    String content = "id,published,text\n1,2024-06-19,hello\n2,2024-06-20," + "x".repeat(500) + "\n3,a,b\n";
    List<RawRecord> records = readAll(new CsvReader(',', StandardCharsets.UTF_8, 100), TestFiles.bytes("a.csv", content));
    assertEquals(2, records.size(), "the good row and one reject");
    assertAccepted(records.get(0));
    assertEquals(RejectReason.OVERSIZED_RECORD, records.get(1).reason(), "field longer than the limit");
    assertEquals(2, records.get(1).record(), "numbered as the next row");
    assertTrue(records.get(1).raw() == null || records.get(1).raw().length() <= 200, "raw is bounded");
  }

  @Test
  void declaredCharsetIsUsed() {
    byte[] content = TestFiles.concat(utf8("id,published,text\n1,2024-06-19,caf"), new byte[] {(byte) 0xE9}, utf8("\n"));
    List<RawRecord> records = readAll(new CsvReader(',', StandardCharsets.ISO_8859_1, 1 << 20),
        TestFiles.bytes("a.csv", content));
    assertAccepted(records.get(0));
    assertEquals("café", records.get(0).fields().get("text"), "latin-1");
  }
}
