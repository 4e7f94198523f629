package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.concat;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import io.trendwire.schema.Columns;
import io.trendwire.schema.ReportSchemas;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark-level tests of the ingest edge; the readers themselves are tested without Spark. */
class IngestIOTest {
  private static final Instant RUN = Instant.parse("2025-01-01T00:00:00Z");

  @TempDir
  Path dir;

  private static InputConfig jsonl(Path folder, long maxRecordBytes) {
    return new InputConfig(List.of(folder.toString()), InputFormat.JSONL, null, null, Map.of("source", "Test"), null,
        null, null, null, null, maxRecordBytes, null, null);
  }

  private static String line(String id, String published, String text) {
    return "{\"id\":\"" + id + "\",\"published\":\"" + published + "\",\"text\":\"" + text + "\"}\n";
  }

  private static String fileName(Row row) {
    String path = row.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE_FILE));
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static String key(Row row) {
    return fileName(row) + "#" + row.getLong(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.RECORD));
  }

  private static String reason(Row row) {
    return row.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON));
  }

  @Test
  void everyRecordIsAnArticleOrARejectWithItsReason() throws IOException {
    Path in = dir.resolve("in");
    TestFiles.write(in, "a.jsonl", line("a1", "2024-06-19T10:00:00Z", "Mosca e Pyongyang")
        + "\n"
        + "{\"id\":\"a3\",\"published\":\n"
        + "[1,2,3]\n"
        + "{\"id\":\"a5\",\"text\":\"no date\"}\n"
        + line("a6", "2023-02-30", "impossible")
        + line("a7", "1700-01-01", "too old")
        + line("a8", "2024-06-19", "")
        + line("a9", "1718755200", "epoch seconds"));
    TestFiles.writeGzip(in, "b.jsonl.gz", concat(utf8(line("b1", "Wed, 19 Jun 2024 10:00:00 GMT", "gzip")),
        utf8("{\"id\":\"b2\",\"published\":\"2024-06-19\",\"text\":\"caf"), new byte[] {(byte) 0xE9}, utf8("\"}\n")));
    TestFiles.writeBzip2(in, "sub/c.jsonl.bz2", utf8(line("c1", "2024-06-19", "bzip2")
        + line("c2", "2024-06-19", "x".repeat(600))));
    TestFiles.write(in, "d.jsonl.gz", utf8("this is not gzip data at all\n"));
    TestFiles.write(in, "_SUCCESS", "");
    TestFiles.write(in, ".hidden.jsonl", "{broken\n");
    TestFiles.write(in, "_tmp/e.jsonl", "{broken\n");

    SparkSession spark = SparkTestSession.get();
    Dataset<Row> records = IngestIO.readRecords(spark, jsonl(in, 500), 100, RUN);
    assertEquals(ReportSchemas.PARSED_RECORD, records.schema(), "PARSED_RECORD schema");
    List<Row> rows = records.collectAsList();

    long accepted = rows.stream().filter(r -> reason(r) == null).count();
    long rejected = rows.stream().filter(r -> reason(r) != null).count();
    assertEquals(13, rows.size(), "read: 8 + 2 + 2 records and one for the corrupt file; hidden files skipped: "
        + rows.stream().map(IngestIOTest::key).sorted().toList());
    assertEquals(rows.size(), accepted + rejected, "read = accepted + rejected");
    assertEquals(4, accepted, "a1, a9, b1, c1 are articles");

    Map<String, String> reasons = new TreeMap<>();
    rows.stream().filter(r -> reason(r) != null).forEach(r -> reasons.put(key(r), reason(r)));
    assertEquals("MALFORMED_JSON", reasons.get("a.jsonl#3"), "line 3 of a.jsonl (line 2 is blank)");
    assertEquals("NOT_AN_OBJECT", reasons.get("a.jsonl#4"), "line 4");
    assertEquals("MISSING_DATE", reasons.get("a.jsonl#5"), "line 5");
    assertEquals("INVALID_DATE", reasons.get("a.jsonl#6"), "line 6");
    assertEquals("DATE_OUT_OF_RANGE", reasons.get("a.jsonl#7"), "line 7");
    assertEquals("EMPTY_TEXT", reasons.get("a.jsonl#8"), "line 8");
    assertEquals("INVALID_UTF8", reasons.get("b.jsonl.gz#2"), "line 2 of the gzip file");
    assertEquals("OVERSIZED_RECORD", reasons.get("c.jsonl.bz2#2"), "line 2 of the bzip2 file");
    String corrupt = reasons.entrySet().stream().filter(e -> e.getKey().startsWith("d.jsonl.gz#"))
        .map(Map.Entry::getValue).collect(Collectors.joining(","));
    assertEquals("UNREADABLE_FILE", corrupt, "a .gz file that is not gzip: " + reasons);
    assertEquals(9, reasons.size(), "nine rejects: " + reasons);

    for (Row r : rows) {
      if (reason(r) != null) {
        assertNotNull(r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.DETAIL)), "detail of " + key(r));
        String raw = r.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.RAW));
        assertTrue(raw == null || raw.length() <= 100, "raw cut to rejectRawChars for " + key(r));
      } else {
        assertEquals("Test", r.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE)), "default source");
      }
    }
    Row a9 = rows.stream().filter(r -> "a.jsonl#9".equals(key(r))).findFirst().orElseThrow();
    assertEquals(Timestamp.from(Instant.parse("2024-06-19T00:00:00Z")),
        a9.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "epoch seconds");
  }

  @Test
  void truncatedGzipEndsTheFileWithAnUnreadableReject() throws IOException {
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      content.append(line("t" + i, "2024-06-19", "line " + i + " " + Integer.toHexString(i * 7919)));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(utf8(content.toString()));
    }
    byte[] whole = bytes.toByteArray();
    Path in = dir.resolve("trunc");
    TestFiles.write(in, "t.jsonl.gz", Arrays.copyOf(whole, whole.length / 2));
    List<Row> rows = IngestIO.readRecords(SparkTestSession.get(), jsonl(in, 1 << 20), 100, RUN).collectAsList();
    long accepted = rows.stream().filter(r -> reason(r) == null).count();
    List<String> rejects = rows.stream().filter(r -> reason(r) != null).map(IngestIOTest::reason).toList();
    assertTrue(accepted > 0 && accepted < 2000, "the readable part is kept: " + accepted);
    assertTrue(rejects.contains("UNREADABLE_FILE"), "the file ends with an UNREADABLE_FILE reject: " + rejects);
  }

  @Test
  void parquetInputKeepsItsColumnsAsFields() {
    SparkSession spark = SparkTestSession.get();
    StructType schema = new StructType()
        .add("id", DataTypes.StringType)
        .add("published", DataTypes.TimestampType)
        .add("title", DataTypes.StringType)
        .add("text", DataTypes.StringType)
        .add("words", DataTypes.IntegerType)
        .add("tags", DataTypes.createArrayType(DataTypes.StringType));
    List<Row> data = List.of(
        RowFactory.create("p1", Timestamp.from(Instant.parse("2024-06-19T10:00:00Z")), "T1", "Text one", 2,
            List.of("dprk", "russia")),
        RowFactory.create("p2", null, "T2", "No date", 2, null),
        RowFactory.create("p3", Timestamp.from(Instant.parse("2024-11-20T00:00:00Z")), "T3", null, 0, List.of()));
    Path out = dir.resolve("pq");
    spark.createDataFrame(data, schema).coalesce(1).write().parquet(out.toString());

    InputConfig in = new InputConfig(List.of(out.toString()), InputFormat.PARQUET, null, null, null, null, null, null,
        null, null, null, null, null);
    assertEquals("*.parquet", in.fileGlob(), "default glob for parquet");
    List<Row> rows = IngestIO.readRecords(spark, in, 100, RUN).collectAsList();
    assertEquals(3, rows.size(), "read = 3 rows");
    Map<String, Row> byRecord = new TreeMap<>();
    rows.forEach(r -> byRecord.put(String.valueOf(r.getLong(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.RECORD))), r));
    assertEquals(List.of("1", "2", "3"), List.copyOf(byRecord.keySet()), "records numbered from 1 in file order");

    Row p1 = byRecord.get("1");
    assertNull(reason(p1), "p1 accepted");
    assertEquals("p1", p1.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.ARTICLE_ID)), "id");
    assertEquals(Timestamp.from(Instant.parse("2024-06-19T10:00:00Z")),
        p1.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "a timestamp column round-trips");
    assertEquals("Text one", p1.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.TEXT)), "text");
    assertTrue(fileName(p1).endsWith(".parquet"), "source_file is the part file: " + fileName(p1));
    assertEquals("MISSING_DATE", reason(byRecord.get("2")), "null date");
    assertEquals("EMPTY_TEXT", reason(byRecord.get("3")), "null text");
    String raw = byRecord.get("3").getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.RAW));
    assertTrue(raw.contains("\"id\":\"p3\"") && raw.contains("\"tags\":\"[]\""), "raw is the row as JSON: " + raw);
  }

  @Test
  void unreadableParquetFilesBecomeRejectsAndTheReadableOnesAreRead() throws IOException {
    SparkSession spark = SparkTestSession.get();
    StructType schema = new StructType().add("id", DataTypes.StringType).add("published", DataTypes.StringType)
        .add("text", DataTypes.StringType);
    Path out = dir.resolve("pqmix");
    spark.createDataFrame(List.of(RowFactory.create("g1", "2024-06-19", "Good one"),
        RowFactory.create("g2", "2024-06-20", "Good two")), schema).coalesce(1).write().parquet(out.toString());
    Path good;
    try (var files = java.nio.file.Files.list(out)) {
      good = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = java.nio.file.Files.readAllBytes(good);
    // A copy cut in half (its footer is gone) and a file that is not Parquet at all.
    java.nio.file.Files.write(out.resolve("truncated.parquet"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    TestFiles.write(out, "text.parquet", "this is not parquet");

    InputConfig in = new InputConfig(List.of(out.toString()), InputFormat.PARQUET, null, null, null, null, null, null,
        null, null, null, null, null);
    List<Row> rows = IngestIO.readRecords(spark, in, 100, RUN).collectAsList();
    assertEquals(4, rows.size(), "2 records of the good file + 1 reject per unreadable file: " + rows);
    Map<String, String> rejectByFile = new TreeMap<>();
    long accepted = 0;
    for (Row r : rows) {
      if (reason(r) == null) {
        accepted++;
      } else {
        rejectByFile.put(fileName(r).substring(fileName(r).lastIndexOf('/') + 1), reason(r) + "@"
            + r.getLong(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.RECORD)));
      }
    }
    assertEquals(2, accepted, "the readable file's records are accepted");
    assertEquals(Map.of("text.parquet", "UNREADABLE_FILE@0", "truncated.parquet", "UNREADABLE_FILE@0"), rejectByFile,
        "each unreadable file is one reject with record 0");

    Path onlyBad = dir.resolve("pqbad");
    TestFiles.write(onlyBad, "a.parquet", "still not parquet");
    InputConfig bad = new InputConfig(List.of(onlyBad.toString()), InputFormat.PARQUET, null, null, null, null, null,
        null, null, null, null, null, null);
    List<Row> badRows = IngestIO.readRecords(spark, bad, 100, RUN).collectAsList();
    assertEquals(1, badRows.size(), "no readable file at all: one reject, no failure");
    assertEquals("UNREADABLE_FILE", reason(badRows.get(0)), "reason");
  }

  @Test
  void listFilesExpandsFoldersRecursivelyWithTheGlobAndSkipsHiddenFiles() {
    TestFiles.write(dir, "f/a.json", "[]");
    TestFiles.write(dir, "f/sub/b.json", "[]");
    TestFiles.write(dir, "f/c.txt", "x");
    TestFiles.write(dir, "f/_meta.json", "[]");
    TestFiles.write(dir, "f/.d.json", "[]");
    InputConfig in = new InputConfig(List.of(dir.resolve("f").toString()), InputFormat.JSON, null, null, null, null,
        null, null, null, null, null, null, null);
    List<String> names = IngestIO.listFiles(in, new Configuration()).stream().map(s -> s.getPath().getName()).sorted().toList();
    assertEquals(List.of("a.json", "b.json"), names, "*.json* files below the folder, hidden ones skipped");

    InputConfig glob = new InputConfig(List.of(dir.resolve("f/*.txt").toString()), InputFormat.JSON, null, null, null,
        null, null, null, null, null, null, null, null);
    List<FileStatus> globbed = IngestIO.listFiles(glob, new Configuration());
    assertEquals(1, globbed.size(), "a glob path selects files by itself");
  }

  @Test
  void missingInputIsAClearError() {
    InputConfig missing = jsonl(dir.resolve("nope"), 1000);
    InputNotFoundException e = assertThrows(InputNotFoundException.class,
        () -> IngestIO.listFiles(missing, new Configuration()));
    assertTrue(e.getMessage().contains("nope"), "names the path: " + e.getMessage());

    TestFiles.write(dir, "only/readme.md", "x");
    InputConfig noMatch = new InputConfig(List.of(dir.resolve("only").toString()), InputFormat.PARQUET, null, null,
        null, null, null, null, null, null, null, null, null);
    InputNotFoundException e2 = assertThrows(InputNotFoundException.class,
        () -> IngestIO.listFiles(noMatch, new Configuration()));
    assertTrue(e2.getMessage().contains("*.parquet"), "names the glob: " + e2.getMessage());
  }

  @Test
  void textFolderWithSidecarThroughSpark() {
    Path in = dir.resolve("txt");
    TestFiles.write(in, "a.txt", "Mosca e Pyongyang hanno firmato.");
    TestFiles.write(in, "b.txt", "  ");
    Path sidecar = TestFiles.write(dir, "meta.csv", "file,published,source\na.txt,2024-06-19,ANSA\nb.txt,2024-06-20,ANSA\n");
    InputConfig config = new InputConfig(List.of(in.toString()), InputFormat.TEXT, null, null, Map.of("language", "it"),
        null, sidecar.toString(), null, null, "Europe/Rome", null, null, null);
    List<Row> rows = IngestIO.readRecords(SparkTestSession.get(), config, 100, RUN).collectAsList();
    assertEquals(2, rows.size(), "two files, two records");
    Row a = rows.stream().filter(r -> fileName(r).equals("a.txt")).findFirst().orElseThrow();
    assertNull(reason(a), "a.txt accepted");
    assertEquals("ANSA", a.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE)), "source from the sidecar");
    assertEquals("it", a.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.LANGUAGE)), "language from defaults");
    assertEquals(Timestamp.from(Instant.parse("2024-06-18T22:00:00Z")),
        a.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "sidecar date at midnight in Rome");
    Row b = rows.stream().filter(r -> fileName(r).equals("b.txt")).findFirst().orElseThrow();
    assertEquals("EMPTY_TEXT", reason(b), "blank file");
    assertTrue(Files.exists(sidecar), "sidecar untouched");
  }
}
