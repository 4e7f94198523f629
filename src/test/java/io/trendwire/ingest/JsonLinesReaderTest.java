package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.concat;
import static io.trendwire.ingest.TestFiles.readAll;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesReaderTest {
  private static final String LINES = "{\"id\":\"a\",\"published\":\"2024-06-19\",\"text\":\"Mosca e Pyongyang\"}\n"
      + "{\"id\":\"b\",\"published\":1718755200,\"text\":\"Второй\",\"meta\":{\"source\":\"KCNA\",\"tags\":[\"x\",\"y\"]}}\n";

  @TempDir
  Path dir;

  private static JsonLinesReader reader() {
    return new JsonLinesReader(StandardCharsets.UTF_8, 1 << 20);
  }

  private static void assertAccepted(RawRecord r) {
    assertNull(r.reason(), () -> "record " + r.record() + " should be accepted: " + r.detail());
  }

  private static void assertTwoArticles(List<RawRecord> records, String what) {
    assertEquals(2, records.size(), what + ": two records");
    records.forEach(JsonLinesReaderTest::assertAccepted);
    assertEquals("a", records.get(0).fields().get("id"), what + ": first id");
    assertEquals("Второй", records.get(1).fields().get("text"), what + ": UTF-8 text");
    assertEquals(1, records.get(0).record(), what + ": record numbers are 1-based line numbers");
    assertEquals(2, records.get(1).record(), what + ": second line");
  }

  @Test
  void plainFile() {
    Path file = TestFiles.write(dir, "a.jsonl", LINES);
    List<RawRecord> records = readAll(reader(), TestFiles.hadoop(file));
    assertTwoArticles(records, "plain");
    assertTrue(records.get(0).sourceFile().endsWith("a.jsonl"), "source file: " + records.get(0).sourceFile());
    assertEquals("{\"id\":\"a\",\"published\":\"2024-06-19\",\"text\":\"Mosca e Pyongyang\"}", records.get(0).raw(),
        "raw is the line");
  }

  @Test
  void gzipFile() {
    Path file = TestFiles.writeGzip(dir, "a.jsonl.gz", utf8(LINES));
    assertTwoArticles(readAll(reader(), TestFiles.hadoop(file)), "gzip via Hadoop codec");
    assertTwoArticles(readAll(reader(), TestFiles.local(file)), "gzip via GZIPInputStream");
    assertEquals("a.jsonl", TestFiles.hadoop(file).name(), "the .gz suffix is not part of the name");
  }

  @Test
  void bzip2File() {
    Path file = TestFiles.writeBzip2(dir, "a.jsonl.bz2", utf8(LINES));
    assertTwoArticles(readAll(reader(), TestFiles.hadoop(file)), "bzip2 via Hadoop codec");
    assertEquals("a.jsonl", TestFiles.hadoop(file).name(), "the .bz2 suffix is not part of the name");
  }

  @Test
  void nestedObjectsAreFlattenedWithDottedNamesAndStringArraysJoined() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", LINES));
    RawRecord b = records.get(1);
    assertEquals("KCNA", b.fields().get("meta.source"), "nested field under a dotted name");
    assertEquals("x\n\ny", b.fields().get("meta.tags"), "string arrays joined by blank lines");
    assertEquals("1718755200", b.fields().get("published"), "numbers become strings");
    String nested = readAll(reader(), TestFiles.bytes("n.jsonl",
        "{\"a\":[{\"b\":1}],\"n\":null,\"t\":true}\n")).get(0).fields().toString();
    assertTrue(nested.contains("a=[{\"b\":1}]"), "arrays of objects are kept as JSON: " + nested);
    assertTrue(nested.contains("t=true"), "booleans as text: " + nested);
    assertTrue(!nested.contains("n="), "null fields are absent: " + nested);
  }

  @Test
  void blankLinesAreNotRecordsButKeepLineNumbers() {
    String content = "\n{\"id\":\"a\"}\r\n   \n\t\n{\"id\":\"b\"}";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", content));
    assertEquals(2, records.size(), "blank lines skipped; last line without newline read");
    assertEquals(2, records.get(0).record(), "record number is the line number");
    assertEquals("{\"id\":\"a\"}", records.get(0).raw(), "CR of CRLF dropped");
    assertEquals(5, records.get(1).record(), "line 5");
    assertEquals(0, readAll(reader(), TestFiles.bytes("e.jsonl", "")).size(), "empty file: no records");
    assertEquals(0, readAll(reader(), TestFiles.bytes("e.jsonl", "\n\n \n")).size(), "only blank lines: no records");
  }

  @Test
  void byteOrderMarkOnTheFirstLineIsSkipped() {
    byte[] content = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("{\"id\":\"a\"}\n{\"id\":\"b\"}\n"));
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", content));
    assertEquals(2, records.size(), "two records");
    records.forEach(JsonLinesReaderTest::assertAccepted);
    assertEquals("a", records.get(0).fields().get("id"), "the BOM is not part of the first record");
  }

  @Test
  void malformedJsonRejectsOnlyItsLine() {
    String content = "{\"id\":\"a\"}\n{\"id\":\"b\",\n{\"id\": c}\n{\"id\":\"d\"}\n";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", content));
    assertEquals(4, records.size(), "every line is a record");
    assertAccepted(records.get(0));
    assertEquals(RejectReason.MALFORMED_JSON, records.get(1).reason(), "truncated object");
    assertEquals(2, records.get(1).record(), "line number of the bad line");
    assertEquals("{\"id\":\"b\",", records.get(1).raw(), "raw keeps the bad line");
    assertTrue(records.get(1).detail() != null && !records.get(1).detail().isBlank(), "detail says why");
    assertEquals(RejectReason.MALFORMED_JSON, records.get(2).reason(), "unquoted value");
    assertAccepted(records.get(3));
    assertEquals("d", records.get(3).fields().get("id"), "reading goes on after bad lines");
  }

  @Test
  void nonObjectLinesAreRejected() {
    String content = "[1,2]\n\"text\"\n42\nnull\n";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", content));
    assertEquals(4, records.size(), "four records");
    for (RawRecord r : records) {
      assertEquals(RejectReason.NOT_AN_OBJECT, r.reason(), "line " + r.record() + ": " + r.raw());
    }
    assertTrue(records.get(0).detail().contains("array"), "detail names the type: " + records.get(0).detail());
  }

  @Test
  void invalidUtf8RejectsOnlyItsLine() {
    byte[] content = concat(utf8("{\"id\":\"a\",\"text\":\"caf"), new byte[] {(byte) 0xE9}, utf8("\"}\n{\"id\":\"b\"}\n"));
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", content));
    assertEquals(2, records.size(), "two records");
    assertEquals(RejectReason.INVALID_UTF8, records.get(0).reason(), "latin-1 byte in a UTF-8 file");
    assertTrue(records.get(0).raw().contains("caf\uFFFD"), "raw decoded leniently: " + records.get(0).raw());
    assertAccepted(records.get(1));
  }

  @Test
  void declaredCharsetIsUsed() {
    byte[] content = concat(utf8("{\"text\":\"caf"), new byte[] {(byte) 0xE9}, utf8("\"}\n"));
    List<RawRecord> records = readAll(new JsonLinesReader(StandardCharsets.ISO_8859_1, 1 << 20),
        TestFiles.bytes("a.jsonl", content));
    assertAccepted(records.get(0));
    assertEquals("café", records.get(0).fields().get("text"), "decoded as latin-1");
  }

  @Test
  void oversizedLineIsRejectedAndTheNextLineRead() {
    String big = "{\"text\":\"" + "x".repeat(300) + "\"}";
    String exact = "{\"text\":\"" + "y".repeat(100 - 11) + "\"}";
    assertEquals(100, exact.length(), "test setup: a line of exactly the limit");
    String content = "{\"id\":\"a\"}\n" + big + "\n" + exact + "\n{\"id\":\"c\"}\n";
    List<RawRecord> records = readAll(new JsonLinesReader(StandardCharsets.UTF_8, 100), TestFiles.bytes("a.jsonl", content));
    assertEquals(4, records.size(), "four records");
    assertAccepted(records.get(0));
    assertEquals(RejectReason.OVERSIZED_RECORD, records.get(1).reason(), "line over the limit");
    assertEquals(2, records.get(1).record(), "its line number");
    assertEquals(100, records.get(1).raw().length(), "raw keeps only the first limit bytes");
    assertAccepted(records.get(2));
    assertEquals("c", records.get(3).fields().get("id"), "the rest of the oversized line is skipped");
    assertEquals(4, records.get(3).record(), "line numbering continues");
  }

  @Test
  void oversizedLineSpanningManyBuffersIsSkippedWithoutLosingTheNextLine() {
    String big = "{\"text\":\"" + "z".repeat(200_000) + "\"}";
    String content = big + "\n{\"id\":\"after\"}\n";
    List<RawRecord> records = readAll(new JsonLinesReader(StandardCharsets.UTF_8, 1000), TestFiles.bytes("a.jsonl", content));
    assertEquals(2, records.size(), "two records");
    assertEquals(RejectReason.OVERSIZED_RECORD, records.get(0).reason(), "oversized");
    assertEquals("after", records.get(1).fields().get("id"), "next line intact");
  }

  @Test
  void longLinesAcrossReadChunksAreReassembled() {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      content.append("{\"id\":\"").append(i).append("\",\"text\":\"").append("w".repeat(5000)).append("\"}\n");
    }
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("a.jsonl", content.toString()));
    assertEquals(50, records.size(), "50 lines over several 64 KiB chunks");
    for (int i = 0; i < 50; i++) {
      assertEquals(String.valueOf(i), records.get(i).fields().get("id"), "record " + (i + 1));
      assertEquals(5000, records.get(i).fields().get("text").length(), "text of record " + (i + 1));
    }
  }
}
