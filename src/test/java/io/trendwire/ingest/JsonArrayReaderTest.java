package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.concat;
import static io.trendwire.ingest.TestFiles.readAll;
import static io.trendwire.ingest.TestFiles.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonArrayReaderTest {
  @TempDir
  Path dir;

  private static JsonArrayReader reader() {
    return new JsonArrayReader(1 << 20);
  }

  private static void assertAccepted(RawRecord r) {
    assertNull(r.reason(), () -> "record " + r.record() + " should be accepted: " + r.detail());
  }

  private static final String ARRAY = "[\n {\"headline\":\"A\",\"date\":1703376000000,\"story_text\":\"One\"},\n"
      + " {\"headline\":\"B\",\"date\":1703462400000,\"story_text\":\"Two\",\"link\":\"http:\\/\\/x\"}\n]\n";

  @Test
  void arrayOfObjects() {
    Path file = TestFiles.write(dir, "h.json", ARRAY);
    List<RawRecord> records = readAll(reader(), TestFiles.hadoop(file));
    assertEquals(2, records.size(), "two elements");
    records.forEach(JsonArrayReaderTest::assertAccepted);
    assertEquals(1, records.get(0).record(), "1-based element numbers");
    assertEquals(2, records.get(1).record(), "second element");
    assertEquals("A", records.get(0).fields().get("headline"), "headline");
    assertEquals("1703376000000", records.get(0).fields().get("date"), "epoch ms as text");
    assertEquals("http://x", records.get(1).fields().get("link"), "escaped slash decoded");
    assertTrue(records.get(0).raw().contains("\"headline\":\"A\""), "raw is the element: " + records.get(0).raw());
  }

  @Test
  void gzipArray() {
    Path file = TestFiles.writeGzip(dir, "h.json.gz", utf8(ARRAY));
    assertEquals(2, readAll(reader(), TestFiles.hadoop(file)).size(), "gzip via Hadoop codec");
    assertEquals(2, readAll(reader(), TestFiles.local(file)).size(), "gzip via GZIPInputStream");
  }

  @Test
  void singleObjectFile() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("o.json", "{\"title\":\"only\",\"text\":\"t\"}"));
    assertEquals(1, records.size(), "one object, one record");
    assertAccepted(records.get(0));
    assertEquals("only", records.get(0).fields().get("title"), "title");
  }

  @Test
  void emptyInputs() {
    assertEquals(0, readAll(reader(), TestFiles.bytes("e.json", "")).size(), "empty file");
    assertEquals(0, readAll(reader(), TestFiles.bytes("e.json", "  \n")).size(), "blank file");
    assertEquals(0, readAll(reader(), TestFiles.bytes("e.json", "[]")).size(), "empty array");
  }

  @Test
  void nonObjectElementsAreRejectedOneByOne() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("m.json", "[{\"a\":1}, [1,2], \"s\", 3, {\"a\":2}]"));
    assertEquals(5, records.size(), "five elements");
    assertAccepted(records.get(0));
    for (int i = 1; i <= 3; i++) {
      assertEquals(RejectReason.NOT_AN_OBJECT, records.get(i).reason(), "element " + (i + 1));
      assertEquals(i + 1, records.get(i).record(), "its number");
    }
    assertEquals("[1,2]", records.get(1).raw(), "raw of a rejected element");
    assertAccepted(records.get(4));
  }

  @Test
  void topLevelScalarIsNotAnObject() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("s.json", "42"));
    assertEquals(1, records.size(), "one record");
    assertEquals(RejectReason.NOT_AN_OBJECT, records.get(0).reason(), "a number is no article");
  }

  @Test
  void syntaxErrorRejectsTheRestOfTheFileAsOneRecord() {
    String content = "[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\": oops},{\"id\":\"d\"}]";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("m.json", content));
    assertEquals(3, records.size(), "two good elements and one reject for the rest");
    assertAccepted(records.get(0));
    assertAccepted(records.get(1));
    RawRecord bad = records.get(2);
    assertEquals(RejectReason.MALFORMED_JSON, bad.reason(), "syntax error");
    assertTrue(bad.detail().contains("at byte"), "detail says where: " + bad.detail());
  }

  @Test
  void malformedFromTheStart() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("m.json", "}{"));
    assertEquals(1, records.size(), "one reject");
    assertEquals(RejectReason.MALFORMED_JSON, records.get(0).reason(), "not JSON");
    assertEquals(1, records.get(0).record(), "record 1");
  }

  @Test
  void truncatedFileIsMalformed() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("t.json", "[{\"id\":\"a\"},{\"id\":\"b\""));
    assertEquals(2, records.size(), "one good element, one reject");
    assertEquals(RejectReason.MALFORMED_JSON, records.get(1).reason(), "unexpected end of input");
  }

  @Test
  void oversizedElementIsRejectedAndTheNextRead() {
    String content = "[{\"id\":\"a\"},{\"id\":\"b\",\"tags\":[" + "\"xx\",".repeat(100) + "\"x\"]},{\"id\":\"c\"}]";
    List<RawRecord> records = readAll(new JsonArrayReader(200), TestFiles.bytes("o.json", content));
    assertEquals(3, records.size(), "three elements");
    assertEquals(RejectReason.OVERSIZED_RECORD, records.get(1).reason(), "element over the limit");
    assertAccepted(records.get(2));
    assertEquals("c", records.get(2).fields().get("id"), "reading goes on");
  }

  @Test
  void oversizedStringIsOversized() {
    String content = "[{\"id\":\"a\"},{\"id\":\"b\",\"text\":\"" + "x".repeat(5000) + "\"}]";
    List<RawRecord> records = readAll(new JsonArrayReader(1000), TestFiles.bytes("o.json", content));
    assertAccepted(records.get(0));
    assertEquals(RejectReason.OVERSIZED_RECORD, records.get(records.size() - 1).reason(),
        "a string longer than the limit: " + records.get(records.size() - 1).detail());
  }

  @Test
  void invalidUtf8EndsTheFileAsAReject() {
    byte[] content = concat(utf8("[{\"id\":\"a\"},{\"id\":\"caf"), new byte[] {(byte) 0xE9}, utf8("\"},{\"id\":\"c\"}]"));
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("u.json", content));
    assertEquals(2, records.size(), "one good element, then one reject for the rest");
    assertAccepted(records.get(0));
    RawRecord last = records.get(1);
    assertTrue(last.reason() == RejectReason.INVALID_UTF8 || last.reason() == RejectReason.MALFORMED_JSON,
        "bad bytes end the file as a reject, never as an exception: " + last.reason());
  }
}
