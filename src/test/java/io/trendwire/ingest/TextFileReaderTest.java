package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.concat;
import static io.trendwire.ingest.TestFiles.readAll;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.config.FieldMapping;
import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import io.trendwire.schema.Columns;
import io.trendwire.schema.ReportSchemas;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileReaderTest {
  /** The Ukraine corpus's file names: 20230210T181500Z_GB_en_c5ffbaae73.txt. */
  static final String UKRAINE_PATTERN =
      "(?<published>\\d{8}T\\d{6}Z)_(?<country>[A-Z]{2})_(?<language>[a-z]{2})_(?<id>[0-9a-f]{10})\\.txt";

  @TempDir
  Path dir;

  private static TextFileReader reader(String pattern, Map<String, Map<String, String>> sidecar) {
    return new TextFileReader(StandardCharsets.UTF_8, 1 << 20, pattern, sidecar);
  }

  private static RawRecord one(TextFileReader reader, InputFile file) {
    List<RawRecord> records = readAll(reader, file);
    assertEquals(1, records.size(), "one file, one record");
    assertEquals(1, records.get(0).record(), "record 1");
    return records.get(0);
  }

  @Test
  void metadataFromTheFileNamePattern() {
    Path file = TestFiles.write(dir, "20230210T181500Z_GB_en_c5ffbaae73.txt", "Kyiv, Feb 10.\nSecond line.\n");
    RawRecord r = one(reader(UKRAINE_PATTERN, null), TestFiles.hadoop(file));
    assertNull(r.reason(), "accepted");
    assertEquals("20230210T181500Z", r.fields().get("published"), "date group");
    assertEquals("GB", r.fields().get("country"), "country group");
    assertEquals("en", r.fields().get("language"), "language group");
    assertEquals("c5ffbaae73", r.fields().get("id"), "id group");
    assertEquals("20230210T181500Z_GB_en_c5ffbaae73.txt", r.fields().get("file"), "file name");
    assertEquals("Kyiv, Feb 10.\nSecond line.\n", r.fields().get("text"), "the whole file is the text");

    InputConfig in = new InputConfig(List.of(dir.toString()), InputFormat.TEXT, null,
        new FieldMapping(null, null, null, null, "country", null, null), null, UKRAINE_PATTERN, null, null, null,
        null, null, null, null);
    Row row = new ArticleParser(in, 2000, Instant.parse("2025-01-01T00:00:00Z")).toRow(r);
    assertNull(row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)), "the record maps to an article");
    assertEquals(Timestamp.from(Instant.parse("2023-02-10T18:15:00Z")),
        row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "date parsed from the file name");
    assertEquals("c5ffbaae73", row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.ARTICLE_ID)), "id from the name");
  }

  @Test
  void fileNameNotMatchingThePatternKeepsOnlyFileAndText() {
    Path file = TestFiles.write(dir, "notes.txt", "text");
    RawRecord r = one(reader(UKRAINE_PATTERN, null), TestFiles.hadoop(file));
    assertNull(r.reason(), "still accepted by the reader");
    assertEquals(Map.of("file", "notes.txt", "text", "text"), r.fields(), "no pattern fields");
  }

  @Test
  void metadataFromASidecarRow() {
    Path file = TestFiles.write(dir, "a.txt", "Body");
    Map<String, Map<String, String>> sidecar = Map.of("a.txt",
        Map.of("file", "a.txt", "published", "2024-06-19", "source", "ANSA", "text", "not this"));
    RawRecord r = one(reader(null, sidecar), TestFiles.hadoop(file));
    assertEquals("2024-06-19", r.fields().get("published"), "sidecar date");
    assertEquals("ANSA", r.fields().get("source"), "sidecar source");
    assertEquals("Body", r.fields().get("text"), "the file's text wins over a sidecar column");
    RawRecord other = one(reader(null, sidecar), TestFiles.bytes("b.txt", "x"));
    assertFalse(other.fields().containsKey("source"), "a file without a sidecar row gets nothing from it");
  }

  @Test
  void fileNamePatternWinsOverTheSidecar() {
    Path file = TestFiles.write(dir, "20230210T181500Z_GB_en_c5ffbaae73.txt", "Body");
    Map<String, Map<String, String>> sidecar = Map.of("20230210T181500Z_GB_en_c5ffbaae73.txt",
        Map.of("published", "2020-01-01", "source", "BBC"));
    RawRecord r = one(reader(UKRAINE_PATTERN, sidecar), TestFiles.hadoop(file));
    assertEquals("20230210T181500Z", r.fields().get("published"), "pattern group first");
    assertEquals("BBC", r.fields().get("source"), "sidecar fills what the pattern lacks");
  }

  @Test
  void configDefaultsFillTheRest() {
    InputConfig in = new InputConfig(List.of(dir.toString()), InputFormat.TEXT, null, null,
        Map.of("published", "2024-06-19", "source", "Seeds", "language", "it"), null, null, null, null, null, null,
        null, null);
    RawRecord r = one(reader(null, null), TestFiles.bytes("seed.txt", "Mosca e Pyongyang"));
    Row row = new ArticleParser(in, 2000, Instant.parse("2025-01-01T00:00:00Z")).toRow(r);
    assertNull(row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)), "accepted with defaults");
    assertEquals("Seeds", row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE)), "default source");
    assertEquals("it", row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.LANGUAGE)), "default language");
    assertEquals(Timestamp.from(Instant.parse("2024-06-19T00:00:00Z")),
        row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "default date");
  }

  @Test
  void gzipTextFileIsNamedWithoutTheSuffix() {
    Path file = TestFiles.writeGzip(dir, "20230210T181500Z_GB_en_c5ffbaae73.txt.gz", utf8("zipped"));
    RawRecord r = one(reader(UKRAINE_PATTERN, null), TestFiles.hadoop(file));
    assertEquals("zipped", r.fields().get("text"), "decompressed");
    assertEquals("GB", r.fields().get("country"), "the pattern matches the name without .gz");
    assertTrue(r.sourceFile().endsWith(".txt.gz"), "source_file is the real path: " + r.sourceFile());
  }

  @Test
  void byteOrderMarkIsSkipped() {
    RawRecord r = one(reader(null, null), TestFiles.bytes("b.txt",
        concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("Привет"))));
    assertEquals("Привет", r.fields().get("text"), "no BOM in the text");
  }

  @Test
  void invalidUtf8() {
    RawRecord r = one(reader(null, null), TestFiles.bytes("bad.txt", concat(utf8("caf"), new byte[] {(byte) 0xE9})));
    assertEquals(RejectReason.INVALID_UTF8, r.reason(), "a latin-1 byte in UTF-8");
    assertEquals("caf\uFFFD", r.raw(), "raw decoded leniently");
  }

  @Test
  void bytesInvalidInAnotherDeclaredCharsetAreAnUnknownEncoding() {
    TextFileReader ascii = new TextFileReader(StandardCharsets.US_ASCII, 1 << 20, null, null);
    RawRecord r = one(ascii, TestFiles.bytes("bad.txt", concat(utf8("caf"), new byte[] {(byte) 0xE9})));
    assertEquals(RejectReason.UNKNOWN_ENCODING, r.reason(), "not ASCII and not UTF-8: " + r.detail());
  }

  @Test
  void autoDetectsTheCharsetPerFile() {
    TextFileReader auto = new TextFileReader(null, 1 << 20, null, null);
    String russian = "Россия и Северная Корея подписали договор о всеобъемлющем стратегическом партнёрстве. "
        + "Президент России прибыл в Пхеньян, где его встретил лидер страны.";
    RawRecord cp1251 = one(auto, TestFiles.bytes("ru.txt", russian.getBytes(Charset.forName("windows-1251"))));
    assertNull(cp1251.reason(), () -> "windows-1251 detected: " + cp1251.detail());
    assertEquals(russian, cp1251.fields().get("text"), "decoded as windows-1251");
    RawRecord utf8 = one(auto, TestFiles.bytes("ru8.txt", utf8(russian)));
    assertEquals(russian, utf8.fields().get("text"), "decoded as UTF-8");
  }

  @Test
  void undetectableBytesAreAnUnknownEncoding() {
    TextFileReader auto = new TextFileReader(null, 1 << 20, null, null);
    byte[] binary = new byte[256];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    RawRecord r = one(auto, TestFiles.bytes("bin.txt", binary));
    assertEquals(RejectReason.UNKNOWN_ENCODING, r.reason(), "bytes that decode in no detected charset");
    assertTrue(r.raw() != null, "raw is kept (decoded as latin-1 or the guess)");
  }

  @Test
  void oversizedFile() {
    RawRecord r = one(new TextFileReader(StandardCharsets.UTF_8, 100, null, null),
        TestFiles.bytes("big.txt", "y".repeat(1000)));
    assertEquals(RejectReason.OVERSIZED_RECORD, r.reason(), "file over the limit");
    assertTrue(r.raw().length() <= 101, "raw holds at most limit + 1 bytes: " + r.raw().length());
    RawRecord exact = one(new TextFileReader(StandardCharsets.UTF_8, 100, null, null),
        TestFiles.bytes("exact.txt", "y".repeat(100)));
    assertNull(exact.reason(), "a file of exactly the limit is accepted");
  }

  @Test
  void emptyFileIsReadAndThenRejectedAsEmptyText() {
    RawRecord r = one(reader(null, null), TestFiles.bytes("empty.txt", ""));
    assertNull(r.reason(), "the reader keeps it");
    InputConfig in = new InputConfig(List.of("x"), InputFormat.TEXT, null, null, Map.of("published", "2024-06-19"),
        null, null, null, null, null, null, null, null);
    Row row = new ArticleParser(in, 2000, Instant.parse("2025-01-01T00:00:00Z")).toRow(r);
    assertEquals("EMPTY_TEXT", row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)), "empty text");
  }

  @Test
  void sidecarAsJsonLinesOrCsv() {
    Path jsonl = TestFiles.write(dir, "meta.jsonl",
        "{\"file\":\"a.txt\",\"published\":\"2024-06-19\",\"source\":\"ANSA\"}\n\n{\"file\":\"b.txt\",\"published\":1718755200}\n");
    Map<String, Map<String, String>> fromJson = IngestIO.readSidecar(jsonl.toString(), new Configuration());
    assertEquals(2, fromJson.size(), "two rows");
    assertEquals("ANSA", fromJson.get("a.txt").get("source"), "source of a.txt");
    assertEquals("1718755200", fromJson.get("b.txt").get("published"), "numbers as text");

    Path csv = TestFiles.write(dir, "meta.csv", "file, published ,source\na.txt,2024-06-19, ANSA \nb.txt,2024-06-20,\n");
    Map<String, Map<String, String>> fromCsv = IngestIO.readSidecar(csv.toString(), new Configuration());
    assertEquals(2, fromCsv.size(), "two rows");
    assertEquals("2024-06-19", fromCsv.get("a.txt").get("published"), "header and values are trimmed");
    assertEquals("ANSA", fromCsv.get("a.txt").get("source"), "trimmed value");
  }

  @Test
  void sidecarErrors() {
    Path noFile = TestFiles.write(dir, "bad.jsonl", "{\"name\":\"a.txt\"}\n");
    InputNotFoundException e = assertThrows(InputNotFoundException.class,
        () -> IngestIO.readSidecar(noFile.toString(), new Configuration()));
    assertTrue(e.getMessage().contains("'file'"), "names the missing column: " + e.getMessage());
    InputNotFoundException missing = assertThrows(InputNotFoundException.class,
        () -> IngestIO.readSidecar(dir.resolve("nope.csv").toString(), new Configuration()));
    assertTrue(missing.getMessage().contains("nope.csv"), "names the sidecar: " + missing.getMessage());
    assertTrue(IngestIO.readSidecar(TestFiles.write(dir, "empty.csv", "").toString(), new Configuration()).isEmpty(),
        "an empty sidecar has no rows");
  }
}
