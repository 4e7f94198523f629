package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.FieldMapping;
import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import io.trendwire.schema.Columns;
import io.trendwire.schema.ReportSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Each corpus reader on the real files in ../shared/corpora. Assertions use ids, counts, field
 * presence and short tokens only: no corpus text is copied into the repository.
 */
class CorpusReadersTest {
  private static final Instant RUN = Instant.parse("2026-12-01T00:00:00Z");

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.walk(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }

  private static boolean hasControlCharacters(String s) {
    return s.chars().anyMatch(c -> (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f);
  }

  @Test
  void reutersSgmlAllDocuments() throws IOException {
    List<Path> sgm = files(SparkTestSession.corpora().resolve("reuters21578/sgm-data"), ".sgm");
    assertEquals(22, sgm.size(), "22 SGML files");
    ReutersSgmlReader reader = new ReutersSgmlReader(StandardCharsets.ISO_8859_1, InputConfig.DEFAULT_MAX_RECORD_BYTES);
    List<RawRecord> all = new ArrayList<>();
    for (Path p : sgm) {
      all.addAll(readAll(reader, TestFiles.hadoop(p)));
    }
    assertEquals(21_578, all.size(), "Reuters-21578 has 21,578 documents");
    List<RawRecord> rejected = all.stream().filter(r -> r.reason() != null).toList();
    assertTrue(rejected.isEmpty(), "no reader rejects: " + rejected.stream().limit(3)
        .map(r -> r.sourceFile() + "#" + r.record() + " " + r.reason()).toList());
    Set<String> ids = new HashSet<>();
    all.forEach(r -> ids.add(r.fields().get("NEWID")));
    assertEquals(21_578, ids.size(), "NEWIDs are unique");

    RawRecord first = all.get(0);
    assertTrue(first.sourceFile().endsWith("reut2-000.sgm"), "first file: " + first.sourceFile());
    assertEquals("1", first.fields().get("NEWID"), "first document is NEWID 1");
    assertEquals("el-salvador;usa;uruguay", first.fields().get("PLACES"), "PLACES of NEWID 1");
    assertEquals("cocoa", first.fields().get("TOPICS"), "TOPICS of NEWID 1");
    assertTrue(first.fields().get("TITLE").contains("COCOA"), "TITLE of NEWID 1");
    String body = first.fields().get("BODY");
    assertTrue(body != null && body.length() > 500, "NEWID 1 has a BODY");
    assertFalse(hasControlCharacters(body), "no control characters in the BODY of NEWID 1");
    assertFalse(body.contains("&#"), "no undecoded character references");

    long withBody = all.stream().filter(r -> r.fields().containsKey("BODY")).count();
    long withTitle = all.stream().filter(r -> r.fields().containsKey("TITLE")).count();
    long withDate = all.stream().filter(r -> r.fields().containsKey("DATE")).count();
    assertEquals(19_043, withBody, "documents with a BODY");
    assertEquals(20_841, withTitle, "documents with a TITLE");
    assertEquals(21_578, withDate, "every document has a DATE");
    InputConfig in = new InputConfig(List.of("x"), InputFormat.REUTERS_SGML, null,
        new FieldMapping("NEWID", "DATE", "TITLE", List.of("BODY", "TEXT"), null, null, null),
        Map.of("source", "Reuters", "language", "en"), null, null, null, List.of("d-MMM-yyyy HH:mm:ss.SS"),
        null, null, null, true);
    ArticleParser parser = new ArticleParser(in, 2000, RUN);
    java.util.Map<String, Long> reasons = new java.util.TreeMap<>();
    for (RawRecord r : all) {
      Row row = parser.toRow(r);
      String reason = (String) row.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON));
      reasons.merge(String.valueOf(reason), 1L, Long::sum);
      if (reason == null) {
        for (String column : List.of(Columns.TITLE, Columns.TEXT)) {
          String v = (String) row.get(ReportSchemas.PARSED_RECORD.fieldIndex(column));
          if (v != null && hasControlCharacters(v)) {
            throw new AssertionError("control character in the " + column + " of NEWID " + r.fields().get("NEWID"));
          }
        }
      }
    }
    long articles = reasons.getOrDefault("null", 0L);
    assertTrue(articles >= 21_240, "Reuters documents that become articles (briefs use their title): " + reasons);
    assertTrue(Set.of("null", "INVALID_DATE", "EMPTY_TEXT").containsAll(reasons.keySet()), "reasons: " + reasons);
    long unprocessed = all.stream().filter(r -> r.fields().containsKey("TEXT")).count();
    long noText = all.stream().filter(r -> !r.fields().containsKey("BODY") && !r.fields().containsKey("TEXT")).count();
    assertEquals(736, unprocessed, "TYPE=\"UNPROC\" documents with text");
    assertEquals(1_799, noText, "briefs (title only) and one empty document");
  }

  @Test
  void fundusAllPublisherFiles() throws IOException {
    List<Path> json = files(SparkTestSession.corpora().resolve("fundus_testdata/test_data"), ".json");
    assertEquals(181, json.size(), "181 <Publisher>.json files");
    FundusReader reader = new FundusReader();
    List<RawRecord> all = new ArrayList<>();
    for (Path p : json) {
      all.addAll(readAll(reader, TestFiles.hadoop(p)));
    }
    assertEquals(258, all.size(), "fundus test data holds 258 extracted articles");
    assertTrue(all.stream().allMatch(r -> r.reason() == null), "all accepted by the reader");
    assertTrue(all.stream().allMatch(r -> r.fields().containsKey("publishing_date")), "every article has a date");
    assertTrue(all.stream().allMatch(r -> r.fields().containsKey("title")), "every article has a title");
    Set<String> countries = all.stream().map(r -> r.fields().get("country")).collect(Collectors.toSet());
    assertEquals(41, countries.size(), "41 country folders: " + countries);
    assertTrue(countries.containsAll(List.of("de", "us", "ru", "ua", "kr")), "some countries: " + countries);
    long withUrl = all.stream().filter(r -> r.fields().containsKey("url")).count();
    assertTrue(withUrl >= 250, "pages paired with meta.info urls: " + withUrl);
    Set<String> pages = all.stream().map(r -> r.fields().get("page")).collect(Collectors.toSet());
    assertEquals(258, pages.size(), "each article names its own page");
    RawRecord pravda = all.stream().filter(r -> r.sourceFile().endsWith("/ua/Pravda.json")).findFirst().orElseThrow();
    assertEquals("ua/Pravda_2026_01_08", pravda.fields().get("page"), "page of the ua/Pravda article");
    assertTrue(pravda.fields().get("url").startsWith("https://www.pravda.com.ua/"), "url from meta.info");

    InputConfig in = new InputConfig(List.of("x"), InputFormat.FUNDUS, null,
        new FieldMapping("page", "publishing_date", "title", List.of("text"), "publisher", "url", "language"),
        null, null, null, null, null, null, null, null, null);
    ArticleParser parser = new ArticleParser(in, 2000, RUN);
    List<Row> rows = all.stream().map(parser::toRow).toList();
    List<String> rejects = rows.stream().filter(r -> r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)) != null)
        .map(r -> r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE_FILE)) + " "
            + r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)) + " "
            + r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.DETAIL)))
        .toList();
    assertTrue(rejects.size() <= 5, "fundus dates parse (ISO-8601): " + rejects);
  }

  @Test
  void kcnaJsonArray() throws IOException {
    Path file = SparkTestSession.corpora().resolve("kcna_stiles/data/archive/headlines_2024-11-11.json");
    List<RawRecord> all = readAll(new JsonArrayReader(InputConfig.DEFAULT_MAX_RECORD_BYTES), TestFiles.hadoop(file));
    assertEquals(2_111, all.size(), "KCNA archive holds 2,111 records");
    assertTrue(all.stream().allMatch(r -> r.reason() == null), "all are objects");
    for (String field : List.of("headline", "link", "date", "topic", "date_str")) {
      assertTrue(all.stream().allMatch(r -> r.fields().containsKey(field)), "every record has " + field);
    }
    assertTrue(all.get(0).fields().get("link").startsWith("http://www.kcna.kp/"), "links unescaped");

    InputConfig in = new InputConfig(List.of(file.toString()), InputFormat.JSON, null,
        new FieldMapping("link", "date", "headline", List.of("story_text"), "source", "link", null),
        Map.of("source", "KCNA", "language", "en"), null, null, null, null, null, null, null, null);
    ArticleParser parser = new ArticleParser(in, 2000, RUN);
    List<Row> rows = all.stream().map(parser::toRow).toList();
    long accepted = rows.stream().filter(r -> r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)) == null).count();
    long emptyText = rows.stream()
        .filter(r -> "EMPTY_TEXT".equals(r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)))).count();
    assertEquals(1_862, accepted, "records with story_text become articles");
    assertEquals(249, emptyText, "photo and video items without text are EMPTY_TEXT");
    Timestamp firstDate = (Timestamp) rows.get(0).get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED));
    assertEquals(Instant.parse("2023-12-24T00:00:00Z"), firstDate.toInstant(), "epoch ms date of the first record");
  }

  @Test
  void ukraineTextFolderWithFileNamePattern() {
    Path folder = SparkTestSession.corpora().resolve("ukraine_war_gdelt_en/data/articles");
    InputConfig in = new InputConfig(List.of(folder.toString()), InputFormat.TEXT, null,
        new FieldMapping(null, null, null, null, "country", null, null), Map.of("source_kind", "gdelt"),
        TextFileReaderTest.UKRAINE_PATTERN, null, null, null, null, null, null, null);
    List<Row> rows = IngestIO.readRecords(SparkTestSession.get(), in, 200, RUN).collectAsList();
    assertEquals(447, rows.size(), "447 text files, one record each");
    List<Row> rejected = rows.stream().filter(r -> r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)) != null)
        .toList();
    assertTrue(rejected.isEmpty(), "all accepted: " + rejected.stream().limit(3).toList());
    Instant min = Instant.MAX;
    Instant max = Instant.MIN;
    Set<String> ids = new HashSet<>();
    Set<String> sources = new HashSet<>();
    for (Row r : rows) {
      Instant published = ((Timestamp) r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED))).toInstant();
      String file = r.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE_FILE));
      String name = file.substring(file.lastIndexOf('/') + 1);
      String stamp = name.substring(0, 16);
      Instant fromName = Instant.parse(stamp.substring(0, 4) + "-" + stamp.substring(4, 6) + "-" + stamp.substring(6, 11)
          + ":" + stamp.substring(11, 13) + ":" + stamp.substring(13, 16));
      assertEquals(fromName, published, "date parsed from the name of " + name);
      min = published.isBefore(min) ? published : min;
      max = published.isAfter(max) ? published : max;
      ids.add(r.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.ARTICLE_ID)));
      sources.add(r.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.SOURCE)));
      assertEquals("en", r.getString(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.LANGUAGE)), "language from the name");
      assertNull(r.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.TITLE)), "no titles in this corpus");
    }
    assertTrue(min.toString().startsWith("2022-01-25"), "earliest date: " + min);
    assertTrue(max.toString().startsWith("2024-05-13"), "latest date: " + max);
    assertEquals(438, ids.size(), "ids from the file-name hash: 9 files repeat an earlier hash");
    assertEquals(Set.of("US", "GB", "PL", "UA", "BY"), sources, "outlet country codes as source");
  }
}
