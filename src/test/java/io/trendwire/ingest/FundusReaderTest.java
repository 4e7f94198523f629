package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FundusReaderTest {
  private static final String VERSIONS = "{\n"
      + " \"V2\": {\"title\": \"Second\", \"authors\": [\"A. One\", \"B. Two\"], \"publishing_date\": \"2024-03-04 10:00:00+01:00\",\n"
      + "        \"topics\": [\"Politik\"], \"body\": {\"summary\": [\"Sum.\"], \"sections\": [\n"
      + "          {\"headline\": [], \"paragraphs\": [\"P1.\", \"  \", \" P2. \"]},\n"
      + "          {\"headline\": [\"H2\"], \"paragraphs\": [\"P3.\"]}]}},\n"
      + " \"V1\": {\"title\": \"First\", \"authors\": [], \"publishing_date\": \"2024-01-02T08:00:00\",\n"
      + "        \"topics\": [], \"images\": [{\"url\": \"x\"}], \"body\": {\"summary\": [], \"sections\": [{\"headline\": [], \"paragraphs\": [\"Only.\"]}]}}\n"
      + "}";
  private static final String META = "{\n"
      + " \"Pub_2024_03_04.html.gz\": {\"url\": \"https://pub.example/b\", \"crawl_date\": \"2024-03-05 11:00:00\"},\n"
      + " \"Pub_2024_01_02.html.gz\": {\"url\": \"https://pub.example/a\", \"crawl_date\": \"2024-01-03 09:00:00\"},\n"
      + " \"Other_2024_01_01.html.gz\": {\"url\": \"https://other.example/\"}\n"
      + "}";

  @TempDir
  Path dir;

  @Test
  void versionsPairWithPagesAndMetaInfo() {
    Path file = TestFiles.write(dir, "de/Pub.json", VERSIONS);
    TestFiles.write(dir, "de/meta.info", META);
    TestFiles.write(dir, "de/Pub_2024_01_02.html.gz", "");
    TestFiles.write(dir, "de/Pub_2024_03_04.html.gz", "");
    List<RawRecord> records = readAll(new FundusReader(), TestFiles.hadoop(file));
    assertEquals(2, records.size(), "one record per version");
    RawRecord v1 = records.get(0);
    RawRecord v2 = records.get(1);
    assertNull(v1.reason(), "accepted");
    assertEquals("V1", v1.fields().get("version"), "versions in sorted order");
    assertEquals(1, v1.record(), "record 1");
    assertEquals("Pub", v1.fields().get("publisher"), "publisher from the file name");
    assertEquals("de", v1.fields().get("country"), "country from the folder");
    assertEquals("First", v1.fields().get("title"), "title");
    assertEquals("2024-01-02T08:00:00", v1.fields().get("publishing_date"), "date");
    assertEquals("Only.", v1.fields().get("text"), "paragraphs");
    assertEquals("de/Pub_2024_01_02", v1.fields().get("page"), "first version, first page");
    assertEquals("https://pub.example/a", v1.fields().get("url"), "url of the page from meta.info");
    assertEquals("2024-01-03 09:00:00", v1.fields().get("crawl_date"), "crawl date");
    assertEquals("", v1.fields().get("authors"), "no authors");

    assertEquals("V2", v2.fields().get("version"), "second version");
    assertEquals("Sum.\n\nP1.\n\nP2.\n\nH2\n\nP3.", v2.fields().get("text"),
        "summary, headlines and paragraphs joined by blank lines; blanks dropped; stripped");
    assertEquals("A. One; B. Two", v2.fields().get("authors"), "authors joined");
    assertEquals("Politik", v2.fields().get("topics"), "topics");
    assertEquals("https://pub.example/b", v2.fields().get("url"), "second page's url");
  }

  @Test
  void pagesListedInMetaButAbsentOnDiskAreIgnored() {
    // fundus keeps meta.info entries of pages replaced by newer crawls; only present pages pair up.
    Path file = TestFiles.write(dir, "de/Pub.json", "{\"V1\": {\"title\": \"T\", \"publishing_date\": \"2024-03-04\", "
        + "\"body\": {\"summary\": [\"S.\"]}}}");
    TestFiles.write(dir, "de/meta.info", META);
    TestFiles.write(dir, "de/Pub_2024_03_04.html.gz", "");
    List<RawRecord> records = readAll(new FundusReader(), TestFiles.hadoop(file));
    assertEquals("de/Pub_2024_03_04", records.get(0).fields().get("page"), "paired with the page on disk");
    assertEquals("https://pub.example/b", records.get(0).fields().get("url"), "its url");
  }

  @Test
  void withoutMetaInfoThePageIsTheVersion() {
    Path file = TestFiles.write(dir, "fr/Pub.json", VERSIONS);
    List<RawRecord> records = readAll(new FundusReader(), TestFiles.hadoop(file));
    assertEquals(2, records.size(), "two versions");
    assertEquals("fr/Pub#V1", records.get(0).fields().get("page"), "page falls back to publisher#version");
    assertFalse(records.get(0).fields().containsKey("url"), "no url");
  }

  @Test
  void pageCountDifferentFromVersionCountFallsBack() {
    Path file = TestFiles.write(dir, "de/Pub.json", "{\"V1\": {\"title\": \"T\", \"publishing_date\": \"2024-01-02\", \"body\": null}}");
    TestFiles.write(dir, "de/meta.info", META);
    List<RawRecord> records = readAll(new FundusReader(), TestFiles.hadoop(file));
    assertEquals("de/Pub#V1", records.get(0).fields().get("page"), "one version, two pages: no pairing");
    assertEquals("", records.get(0).fields().get("text"), "null body: empty text");
  }

  @Test
  void malformedMetaInfoIsIgnored() {
    Path file = TestFiles.write(dir, "de/Pub.json", VERSIONS);
    TestFiles.write(dir, "de/meta.info", "{not json");
    List<RawRecord> records = readAll(new FundusReader(), TestFiles.hadoop(file));
    assertEquals(2, records.size(), "versions still read");
    assertEquals("de/Pub#V1", records.get(0).fields().get("page"), "fallback page");
  }

  @Test
  void malformedJson() {
    List<RawRecord> records = readAll(new FundusReader(), TestFiles.bytes("Pub.json", "{\"V1\": {\"title\": "));
    assertEquals(1, records.size(), "one reject");
    assertEquals(RejectReason.MALFORMED_JSON, records.get(0).reason(), "truncated JSON");
  }

  @Test
  void notAnObject() {
    List<RawRecord> array = readAll(new FundusReader(), TestFiles.bytes("Pub.json", "[1, 2]"));
    assertEquals(RejectReason.NOT_AN_OBJECT, array.get(0).reason(), "an array is not a fundus file");
    List<RawRecord> versions = readAll(new FundusReader(), TestFiles.bytes("Pub.json",
        "{\"V1\": \"oops\", \"V2\": {\"title\": \"ok\"}}"));
    assertEquals(2, versions.size(), "two versions");
    assertEquals(RejectReason.NOT_AN_OBJECT, versions.get(0).reason(), "a version that is a string");
    assertNull(versions.get(1).reason(), "the other version is read");
  }
}
