package io.trendwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final String ORIGIN = "test.json";

  @TempDir
  Path dir;

  private static TrendWireConfig parse(String json) {
    return ConfigLoader.parse(json, ORIGIN);
  }

  /** The message of the ConfigException that parsing {@code json} throws; it always names the origin. */
  private static String error(String json) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(json), "should be rejected: " + json);
    assertTrue(e.getMessage().startsWith(ORIGIN + ": "), "message names the config: " + e.getMessage());
    return e.getMessage();
  }

  private static void assertContains(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "message should contain '" + part + "': " + message);
    }
  }

  @Test
  void minimalConfigGetsEveryDefault() {
    TrendWireConfig c = parse("{\"input\": {\"paths\": \"data/sample.jsonl\"}}");
    assertEquals(List.of("data/sample.jsonl"), c.input().paths(), "a single path is accepted as a list");
    assertEquals(InputFormat.JSONL, c.input().format(), "default format");
    assertEquals("*", c.input().fileGlob(), "default glob of jsonl");
    assertEquals("UTF-8", c.input().encoding(), "default encoding");
    assertEquals("UTC", c.input().timeZone(), "default input zone");
    assertEquals("UTC", c.timeZone(), "default period zone");
    assertEquals(InputConfig.DEFAULT_MAX_RECORD_BYTES, c.input().maxRecordBytes(), "default record limit");
    assertEquals(",", c.input().delimiter(), "default delimiter");
    assertFalse(c.input().titleAsText(), "titleAsText off by default");
    assertEquals("published", c.input().fields().published(), "default date field");
    assertEquals(List.of("text"), c.input().fields().text(), "default text field");
    assertEquals(Period.MONTH, c.period(), "default period");
    assertEquals("reports/run", c.output().path(), "default output");
    assertEquals(2000, c.output().rejectRawChars(), "default raw bound");
    assertTrue(c.dedupe().enabled() && c.dedupe().nearDuplicates(), "dedupe on by default");
    assertEquals(DedupeConfig.DEFAULT, c.dedupe(), "dedupe defaults");
    assertEquals(LanguageConfig.DEFAULT, c.language(), "language defaults");
    assertTrue(c.language().detect(), "language detection on");
    assertEquals("local[*]", c.spark().master(), "default master");
    assertNull(c.input().fileNamePattern(), "no file-name pattern");
  }

  @Test
  void fullConfigIsRead() {
    String json = """
        // comments are allowed
        {
          "input": {
            "paths": ["a", "b/*.tsv"],
            "format": "TSV",
            "fields": {"id": "guid", "published": "meta.date", "text": ["lead", "body"]},
            "defaults": {"source": "KCNA"},
            "encoding": "windows-1251",
            "dateFormats": "dd/MM/yyyy HH:mm",
            "timeZone": "Asia/Pyongyang",
            "maxRecordBytes": 1000,
            "titleAsText": true
          },
          "output": {"path": "out", "overwrite": true, "rejectRawChars": 0, "files": 4},
          "period": "week",
          "timeZone": "Europe/Moscow",
          "dedupe": {"enabled": false, "minSimilarity": 1.0, "shingleWords": 5, "hashTables": 16, "countCopies": true},
          "language": {"detect": false, "minConfidence": 0.8, "maxChars": 500},
          "spark": {"master": "local[2]", "conf": {"spark.sql.shuffle.partitions": "8"}}
        }
        """;
    TrendWireConfig c = parse(json);
    assertEquals(InputFormat.TSV, c.input().format(), "format ids are case-insensitive");
    assertEquals("\t", c.input().delimiter(), "tsv defaults to tab");
    assertEquals("guid", c.input().fields().id(), "id field");
    assertEquals("meta.date", c.input().fields().published(), "date field");
    assertEquals(List.of("lead", "body"), c.input().fields().text(), "several text fields");
    assertEquals("title", c.input().fields().title(), "unmapped fields keep defaults");
    assertEquals(Map.of("source", "KCNA"), c.input().defaults(), "defaults");
    assertEquals(List.of("dd/MM/yyyy HH:mm"), c.input().dateFormats(), "a single pattern is a list");
    assertEquals(1000L, c.input().maxRecordBytes(), "limit");
    assertTrue(c.input().titleAsText(), "titleAsText");
    assertEquals(Period.WEEK, c.period(), "period");
    assertEquals("Europe/Moscow", c.timeZone(), "zone");
    assertEquals(0, c.output().rejectRawChars(), "zero raw chars is allowed");
    assertEquals(16, c.dedupe().hashTables(), "hash tables");
    assertEquals("8", c.spark().conf().get("spark.sql.shuffle.partitions"), "spark conf");
  }

  @Test
  void formatDefaults() {
    assertEquals("ISO-8859-1", parse("{\"input\": {\"paths\": \"x\", \"format\": \"reuters_sgml\"}}").input().encoding(),
        "Reuters SGML is latin-1 by default");
    assertEquals("*.sgm*", parse("{\"input\": {\"paths\": \"x\", \"format\": \"reuters_sgml\"}}").input().fileGlob(),
        "sgm glob");
    assertEquals("*.json", parse("{\"input\": {\"paths\": \"x\", \"format\": \"fundus\"}}").input().fileGlob(),
        "fundus glob");
    assertEquals("*.txt*", parse("{\"input\": {\"paths\": \"x\", \"format\": \"text\", \"fileGlob\": \" \"}}")
        .input().fileGlob(), "blank glob means the format's default");
    assertEquals("auto", parse("{\"input\": {\"paths\": \"x\", \"encoding\": \"auto\"}}").input().encoding(),
        "auto detection is a valid encoding");
  }

  @Test
  void unknownFieldIsNamedWithItsPath() {
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"peroid\": \"day\"}"), "unknown field 'peroid'", "period");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"fomat\": \"json\"}}"), "unknown field 'input.fomat'",
        "known fields:", "format");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"fields\": {\"date\": \"d\"}}}"),
        "unknown field 'input.fields.date'", "published");
  }

  @Test
  void wrongTypesAreNamed() {
    assertContains(error("{\"input\": {\"paths\": \"x\", \"maxRecordBytes\": \"big\"}}"),
        "invalid value for 'input.maxRecordBytes'");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"dedupe\": {\"shingleWords\": [3]}}"),
        "invalid value for 'dedupe.shingleWords'");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"output\": {\"overwrite\": {}}}"),
        "invalid value for 'output.overwrite'");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"format\": \"xml\"}}"), "input.format", "unknown format 'xml'",
        "jsonl");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"period\": \"year\"}"), "period", "unknown period 'year'");
    assertContains(error("{\"input\": {\"paths\": [\"a\", {\"b\": 1}]}}"), "input.paths[1]");
  }

  @Test
  void invalidJsonReportsLineAndColumn() {
    assertContains(error("{\n  \"input\": {\"paths\": \"x\"},\n  \"period\": \"day\" \"spark\": {}\n}"),
        "not valid JSON at line 3, column 19", "comma");
    assertContains(error("{\"input\": {\"paths\": \"x\"}"), "not valid JSON at line 1, column 25", "end-of-input");
    assertContains(error("{'input': 1}"), "not valid JSON at line 1, column 2");
    assertContains(error("{\"input\": {\"paths\": \"x\"}} {}"), "Trailing token");
  }

  @Test
  void emptyConfig() {
    assertContains(error("null"), "the config is empty");
    assertContains(error("{}"), "input.paths: at least one input");
  }

  @Test
  void missingOrBlankPaths() {
    assertContains(error("{\"input\": {}}"), "input.paths: at least one input file, folder or glob is required");
    assertContains(error("{\"input\": {\"paths\": []}}"), "input.paths");
    assertContains(error("{\"input\": {\"paths\": [\"a\", \" \"]}}"), "input.paths: contains an empty path");
  }

  @Test
  void invalidTimeZones() {
    assertContains(error("{\"input\": {\"paths\": \"x\", \"timeZone\": \"Mars/Olympus\"}}"),
        "input.timeZone: unknown time zone 'Mars/Olympus'");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"timeZone\": \"CET+25\"}"), "timeZone: unknown time zone");
    assertEquals("+09:00", parse("{\"input\": {\"paths\": \"x\", \"timeZone\": \"+09:00\"}}").input().timeZone(),
        "offsets are valid zones");
  }

  @Test
  void invalidEncoding() {
    assertContains(error("{\"input\": {\"paths\": \"x\", \"encoding\": \"klingon-8\"}}"),
        "input.encoding: unknown character set 'klingon-8'", "auto");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"encoding\": \"not a charset!\"}}"), "input.encoding");
  }

  @Test
  void invalidDatePatternIsNamedByIndex() {
    assertContains(error("{\"input\": {\"paths\": \"x\", \"dateFormats\": [\"dd/MM/yyyy\", \"yyyy-bb\"]}}"),
        "input.dateFormats[1]: invalid pattern 'yyyy-bb'");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"dateFormats\": \"dd/MM/yyyy'\"}}"), "input.dateFormats[0]");
  }

  @Test
  void invalidFileNamePattern() {
    assertContains(error("{\"input\": {\"paths\": \"x\", \"format\": \"text\", \"fileNamePattern\": \"(?<published>\\\\d+\"}}"),
        "input.fileNamePattern: invalid regular expression");
  }

  @Test
  void outOfRangeNumbersAndDelimiter() {
    assertContains(error("{\"input\": {\"paths\": \"x\", \"maxRecordBytes\": 0}}"), "input.maxRecordBytes: must be positive");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"delimiter\": \";;\"}}"), "input.delimiter: must be a single character");
    assertContains(error("{\"input\": {\"paths\": \"x\", \"fields\": {\"published\": \" \"}}}"),
        "input.fields.published: the date field is required");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"output\": {\"rejectRawChars\": -1}}"), "output.rejectRawChars");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"output\": {\"files\": -2}}"), "output.files");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"dedupe\": {\"minSimilarity\": 0}}"), "dedupe.minSimilarity", "got 0.0");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"dedupe\": {\"shingleWords\": 11}}"), "dedupe.shingleWords");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"dedupe\": {\"hashTables\": 0}}"), "dedupe.hashTables");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"language\": {\"minConfidence\": 1.5}}"), "language.minConfidence");
    assertContains(error("{\"input\": {\"paths\": \"x\"}, \"language\": {\"maxChars\": 10}}"), "language.maxChars");
  }

  @Test
  void everyInvalidFieldIsListedAtOnce() {
    String message = error("{\"input\": {\"paths\": [], \"timeZone\": \"Nowhere\", \"encoding\": \"nope\"}, "
        + "\"dedupe\": {\"hashTables\": 100}}");
    assertContains(message, "input.paths", "input.timeZone", "input.encoding", "dedupe.hashTables");
  }

  @Test
  void loadReadsAFileAndReportsAMissingOne() throws IOException {
    Path file = dir.resolve("trendwire.json");
    Files.writeString(file, "{\"input\": {\"paths\": [\"in\"], \"format\": \"json\"}, \"period\": \"day\"}");
    TrendWireConfig c = ConfigLoader.load(file);
    assertEquals(InputFormat.JSON, c.input().format(), "format from the file");
    assertEquals(Period.DAY, c.period(), "period from the file");
    ConfigException missing = assertThrows(ConfigException.class, () -> ConfigLoader.load(dir.resolve("none.json")));
    assertContains(missing.getMessage(), "config file not found", "none.json");
    Files.writeString(file, "{\"input\": {\"paths\": \"x\", \"bogus\": 1}}");
    ConfigException bad = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
    assertContains(bad.getMessage(), file.toString(), "input.bogus");
  }

  @Test
  void resolvedConfigRoundTripsThroughJson() {
    TrendWireConfig c = parse("{\"input\": {\"paths\": \"x\", \"format\": \"reuters_sgml\", \"dateFormats\": "
        + "\"d-MMM-yyyy HH:mm:ss.SS\"}, \"period\": \"week\"}");
    String json = ConfigLoader.toJson(c);
    assertContains(json, "\"format\" : \"reuters_sgml\"", "\"period\" : \"week\"");
    assertEquals(c, parse(json), "toJson output parses back to the same config");
  }

  @Test
  void withersKeepTheRest() {
    TrendWireConfig c = parse("{\"input\": {\"paths\": \"x\", \"format\": \"csv\"}, \"period\": \"day\"}");
    TrendWireConfig moved = c.withInputPaths(List.of("y")).withOutput(c.output().withPath("o").withOverwrite(true))
        .withPeriod(Period.MONTH);
    assertEquals(List.of("y"), moved.input().paths(), "new paths");
    assertEquals(InputFormat.CSV, moved.input().format(), "format kept");
    assertEquals("o", moved.output().path(), "new output");
    assertTrue(moved.output().overwrite(), "overwrite");
    assertEquals(Period.MONTH, moved.period(), "new period");
  }
}
