package io.trendwire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.config.FieldMapping;
import io.trendwire.config.InputConfig;
import io.trendwire.schema.Columns;
import io.trendwire.schema.ReportSchemas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class ArticleParserTest {
  private static final Instant RUN = Instant.parse("2025-01-01T00:00:00Z");

  private static InputConfig input(FieldMapping fields, Map<String, String> defaults, Boolean titleAsText) {
    return new InputConfig(List.of("in"), null, null, fields, defaults, null, null, null, null, null, null, null,
        titleAsText);
  }

  private static ArticleParser parser() {
    return new ArticleParser(input(null, null, null), 2000, RUN);
  }

  private static Map<String, String> fields(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static RawRecord record(String... kv) {
    return RawRecord.accepted("file:/in/a.jsonl", 7, "{raw}", fields(kv));
  }

  private static Object get(Row row, String column) {
    return row.get(ReportSchemas.PARSED_RECORD.fieldIndex(column));
  }

  private static void assertReject(Row row, RejectReason reason) {
    assertEquals(reason.name(), get(row, Columns.REASON), () -> "reason; detail: " + get(row, Columns.DETAIL));
    assertNotNull(get(row, Columns.DETAIL), "a reject has a detail");
    assertNull(get(row, Columns.ARTICLE_ID), "a reject has no article id");
    assertNull(get(row, Columns.TEXT), "a reject has no text");
    assertEquals("file:/in/a.jsonl", get(row, Columns.SOURCE_FILE), "a reject keeps its source file");
    assertEquals(7L, get(row, Columns.RECORD), "a reject keeps its record number");
  }

  @Test
  void acceptedRecordFillsEveryArticleColumn() {
    Row row = parser().toRow(record("id", " a-1 ", "published", "2024-06-19T10:00:00Z", "title", "Treaty signed",
        "text", "Moscow and Pyongyang signed.", "source", "KCNA", "url", "http://x/1", "language", "en-US"));
    assertEquals(ReportSchemas.PARSED_RECORD.size(), row.size(), "row width follows PARSED_RECORD");
    assertEquals("file:/in/a.jsonl", get(row, Columns.SOURCE_FILE), "source_file");
    assertEquals(7L, get(row, Columns.RECORD), "record");
    assertEquals("a-1", get(row, Columns.ARTICLE_ID), "id is stripped");
    assertEquals(Timestamp.from(Instant.parse("2024-06-19T10:00:00Z")), get(row, Columns.PUBLISHED), "published");
    assertEquals("KCNA", get(row, Columns.SOURCE), "source");
    assertEquals("en", get(row, Columns.LANGUAGE), "language normalised to ISO 639-1");
    assertEquals("Treaty signed", get(row, Columns.TITLE), "title");
    assertEquals("Moscow and Pyongyang signed.", get(row, Columns.TEXT), "text");
    assertEquals("http://x/1", get(row, Columns.URL), "url");
    assertNull(get(row, Columns.RAW), "accepted rows do not keep raw");
    assertNull(get(row, Columns.REASON), "accepted rows have no reason");
    assertNull(get(row, Columns.DETAIL), "accepted rows have no detail");
  }

  @Test
  void fieldMappingNamesNestedFieldsAndJoinsSeveralTextFields() {
    FieldMapping mapping = new FieldMapping("meta.guid", "meta.date", "headline", List.of("lead", "body"),
        "outlet", "link", "lang");
    ArticleParser p = new ArticleParser(input(mapping, null, null), 2000, RUN);
    Row row = p.toRow(record("meta.guid", "g1", "meta.date", "Fri, 10 Feb 2023 18:15:00 GMT", "headline", "H",
        "lead", "Lead paragraph.", "body", "Body paragraph.", "outlet", "Outlet", "link", "u", "lang", "ita"));
    assertNull(get(row, Columns.REASON), () -> "accepted; detail: " + get(row, Columns.DETAIL));
    assertEquals("g1", get(row, Columns.ARTICLE_ID), "id from a nested field");
    assertEquals(Timestamp.from(Instant.parse("2023-02-10T18:15:00Z")), get(row, Columns.PUBLISHED), "RFC 1123 date");
    assertEquals("Lead paragraph.\n\nBody paragraph.", get(row, Columns.TEXT), "text fields joined by a blank line");
    assertEquals("it", get(row, Columns.LANGUAGE), "ISO 639-2 'ita' becomes 'it'");
    assertEquals("Outlet", get(row, Columns.SOURCE), "mapped source");
    Row onlyBody = p.toRow(record("meta.date", "2023-02-10", "body", "Only body."));
    assertEquals("Only body.", get(onlyBody, Columns.TEXT), "a missing text field is skipped, not joined as blank");
  }

  @Test
  void configDefaultsFillMissingAndBlankFields() {
    ArticleParser p = new ArticleParser(input(null, Map.of("source", "KCNA", "language", "en"), null), 2000, RUN);
    Row missing = p.toRow(record("published", "2024-06-19", "text", "t"));
    assertEquals("KCNA", get(missing, Columns.SOURCE), "default for an absent field");
    assertEquals("en", get(missing, Columns.LANGUAGE), "default language");
    Row blank = p.toRow(record("published", "2024-06-19", "text", "t", "source", "  "));
    assertEquals("KCNA", get(blank, Columns.SOURCE), "a blank value counts as absent");
    Row given = p.toRow(record("published", "2024-06-19", "text", "t", "source", "Rodong"));
    assertEquals("Rodong", get(given, Columns.SOURCE), "the record's own value wins over the default");
  }

  @Test
  void missingIdIsAStableHashOfTheRawRecord() {
    RawRecord a = RawRecord.accepted("f", 1, "{\"published\":\"2024-06-19\",\"text\":\"t\"}",
        fields("published", "2024-06-19", "text", "t"));
    RawRecord sameRawElsewhere = RawRecord.accepted("g", 9, a.raw(), a.fields());
    RawRecord other = RawRecord.accepted("f", 2, "{\"published\":\"2024-06-19\",\"text\":\"u\"}",
        fields("published", "2024-06-19", "text", "u"));
    String idA = (String) get(parser().toRow(a), Columns.ARTICLE_ID);
    assertTrue(idA.matches("sha256:[0-9a-f]{32}"), "hash id format: " + idA);
    assertEquals(idA, get(parser().toRow(sameRawElsewhere), Columns.ARTICLE_ID), "same raw, same id");
    assertTrue(!idA.equals(get(parser().toRow(other), Columns.ARTICLE_ID)), "different raw, different id");
    RawRecord noRaw = RawRecord.accepted("f", 1, null, fields("published", "2024-06-19", "text", "t"));
    assertTrue(((String) get(parser().toRow(noRaw), Columns.ARTICLE_ID)).startsWith("sha256:"), "no raw: hash of the fields");
  }

  @Test
  void textIsNfcNormalisedAndControlCharactersRemoved() {
    Row row = parser().toRow(record("published", "2024-06-19", "title", "Citt\u0061\u0300\u0007 ",
        "text", "\u0003 line one\r\nline\ttwo\u0000 \u007f"));
    assertEquals("Citt\u00e0", get(row, Columns.TITLE), "NFC composes a + grave; BEL removed; trimmed");
    assertEquals("line one\nline\ttwo", get(row, Columns.TEXT), "newline and tab kept, CR/NUL/DEL/ETX removed");
    assertNull(ArticleParser.clean("\u0003\u0002 \n"), "only control characters and blanks: nothing left");
  }

  @Test
  void rejectsMissingDate() {
    assertReject(parser().toRow(record("text", "t")), RejectReason.MISSING_DATE);
    assertReject(parser().toRow(record("published", " ", "text", "t")), RejectReason.MISSING_DATE);
  }

  @Test
  void rejectsInvalidAndImpossibleDates() {
    assertReject(parser().toRow(record("published", "soon", "text", "t")), RejectReason.INVALID_DATE);
    assertReject(parser().toRow(record("published", "2023-02-30", "text", "t")), RejectReason.INVALID_DATE);
  }

  @Test
  void rejectsDatesOutOfRange() {
    assertReject(parser().toRow(record("published", "1799-12-31T23:59:59Z", "text", "t")), RejectReason.DATE_OUT_OF_RANGE);
    assertReject(parser().toRow(record("published", "0001-01-01", "text", "t")), RejectReason.DATE_OUT_OF_RANGE);
    assertReject(parser().toRow(record("published", "2025-01-03T00:00:01Z", "text", "t")), RejectReason.DATE_OUT_OF_RANGE);
    assertNull(get(parser().toRow(record("published", "1800-01-01", "text", "t")), Columns.REASON), "1800-01-01 is in range");
    assertNull(get(parser().toRow(record("published", "2025-01-02T23:00:00Z", "text", "t")), Columns.REASON),
        "within two days after the run is in range");
  }

  @Test
  void rejectsEmptyTextUnlessTitleAsText() {
    assertReject(parser().toRow(record("published", "2024-06-19", "title", "Photo")), RejectReason.EMPTY_TEXT);
    assertReject(parser().toRow(record("published", "2024-06-19", "title", "Photo", "text", " \n\t ")), RejectReason.EMPTY_TEXT);
    assertReject(parser().toRow(record("published", "2024-06-19", "text", "\u0003\u0003")), RejectReason.EMPTY_TEXT);
    ArticleParser lenient = new ArticleParser(input(null, null, true), 2000, RUN);
    Row brief = lenient.toRow(record("published", "2024-06-19", "title", "Photo caption"));
    assertNull(get(brief, Columns.REASON), "titleAsText accepts a title-only record");
    assertEquals("Photo caption", get(brief, Columns.TEXT), "the title becomes the text");
    assertReject(lenient.toRow(record("published", "2024-06-19")), RejectReason.EMPTY_TEXT);
  }

  @Test
  void readerRejectsKeepReasonDetailAndBoundedRaw() {
    String raw = "x".repeat(5000);
    ArticleParser p = new ArticleParser(input(null, null, null), 100, RUN);
    Row row = p.toRow(RawRecord.rejected("file:/in/a.jsonl", 7, raw, RejectReason.MALFORMED_JSON, "bad token"));
    assertReject(row, RejectReason.MALFORMED_JSON);
    assertEquals("bad token", get(row, Columns.DETAIL), "the reader's detail is kept");
    assertEquals(100, ((String) get(row, Columns.RAW)).length(), "raw cut to rejectRawChars");
    Row dateReject = p.toRow(RawRecord.accepted("file:/in/a.jsonl", 7, raw, fields("text", "t")));
    assertEquals(100, ((String) get(dateReject, Columns.RAW)).length(), "raw of a parse reject is cut too");
    Row shortRaw = p.toRow(RawRecord.rejected("file:/in/a.jsonl", 7, "short", RejectReason.NOT_AN_OBJECT, "d"));
    assertEquals("short", get(shortRaw, Columns.RAW), "short raw is kept whole");
    Row nullRaw = p.toRow(RawRecord.rejected("file:/in/a.jsonl", 7, null, RejectReason.UNREADABLE_FILE, "d"));
    assertReject(nullRaw, RejectReason.UNREADABLE_FILE);
    assertNull(get(nullRaw, Columns.RAW), "no raw stays null");
    Row noRaw = new ArticleParser(input(null, null, null), 0, RUN)
        .toRow(RawRecord.rejected("f", 7, "abc", RejectReason.MALFORMED_JSON, "d"));
    assertEquals("", noRaw.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.RAW)), "rejectRawChars 0 keeps nothing");
  }

  @Test
  void isSerialisable() throws Exception {
    ArticleParser p = new ArticleParser(input(null, Map.of("source", "S"), null), 50, RUN);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(p);
    }
    ArticleParser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (ArticleParser) in.readObject();
    }
    Row row = copy.toRow(record("published", "2024-06-19", "text", "t"));
    assertEquals("S", get(row, Columns.SOURCE), "defaults survive serialisation");
  }
}
