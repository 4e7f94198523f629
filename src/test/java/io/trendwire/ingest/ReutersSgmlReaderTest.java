package io.trendwire.ingest;

import static io.trendwire.ingest.TestFiles.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.config.FieldMapping;
import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import io.trendwire.schema.Columns;
import io.trendwire.schema.ReportSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReutersSgmlReaderTest {
  private static final String DOC1 = "<REUTERS TOPICS=\"YES\" LEWISSPLIT=\"TRAIN\" CGISPLIT=\"TRAINING-SET\" OLDID=\"5544\" NEWID=\"1\">\n"
      + "<DATE>26-FEB-1987 15:01:01.79</DATE>\n"
      + "<TOPICS><D>cocoa</D></TOPICS>\n"
      + "<PLACES><D>el-salvador</D><D>usa</D><D>uruguay</D></PLACES>\n"
      + "<PEOPLE></PEOPLE>\n<ORGS><D>opec</D></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n"
      + "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\nu f BC-TEST   02-26 0001</UNKNOWN>\n"
      + "<TEXT>&#2;\n<TITLE>COCOA &lt;NOTES&gt; &amp; CAF\u00c9</TITLE>\n"
      + "<DATELINE>    SANTOS, Feb 26 - </DATELINE><BODY>Rain fell\u0001 on the\r\nfarms.\n"
      + " Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n";
  private static final String UNPROC = "<REUTERS TOPICS=\"NO\" NEWID=\"2\">\n<DATE> 5-MAR-1987 09:42:04.28</DATE>\n"
      + "<TOPICS></TOPICS>\n<PLACES><D>usa</D></PLACES>\n"
      + "<TEXT TYPE=\"UNPROC\">&#2;\nMONEY TABLE TEST\n Item one...123\n&#3;</TEXT>\n</REUTERS>\n";

  @TempDir
  Path dir;

  private static ReutersSgmlReader reader() {
    return new ReutersSgmlReader(StandardCharsets.ISO_8859_1, 1 << 20);
  }

  private static byte[] latin1(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void structuredDocument() {
    Path file = TestFiles.write(dir, "reut2-000.sgm", latin1("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + DOC1 + UNPROC));
    List<RawRecord> records = readAll(reader(), TestFiles.hadoop(file));
    assertEquals(2, records.size(), "two documents");
    RawRecord r = records.get(0);
    assertNull(r.reason(), "accepted");
    assertEquals(1, r.record(), "record 1");
    assertEquals("1", r.fields().get("NEWID"), "NEWID attribute");
    assertEquals("5544", r.fields().get("OLDID"), "OLDID attribute");
    assertEquals("TRAIN", r.fields().get("LEWISSPLIT"), "LEWISSPLIT attribute");
    assertEquals("26-FEB-1987 15:01:01.79", r.fields().get("DATE"), "DATE");
    assertEquals("el-salvador;usa;uruguay", r.fields().get("PLACES"), "PLACES joined with ';'");
    assertEquals("cocoa", r.fields().get("TOPICS"), "TOPICS list");
    assertEquals("opec", r.fields().get("ORGS"), "ORGS list");
    assertEquals("", r.fields().get("PEOPLE"), "an empty list is empty");
    assertEquals("COCOA <NOTES> & CAF\u00c9", r.fields().get("TITLE"), "entities decoded, latin-1 read");
    assertEquals("SANTOS, Feb 26 -", r.fields().get("DATELINE"), "DATELINE stripped");
    String body = r.fields().get("BODY");
    assertEquals("Rain fell on the\n\nfarms.\n Reuter", body, "control characters and &#3; removed, CR as newline");
    assertFalse(r.fields().containsKey("TEXT"), "structured text has no TEXT field");
    assertTrue(r.raw().startsWith("<REUTERS") && r.raw().endsWith("</REUTERS>"), "raw is the whole document");
  }

  @Test
  void unprocessedTextBecomesTheTextField() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("r.sgm", latin1(UNPROC)));
    RawRecord r = records.get(0);
    assertNull(r.reason(), "accepted");
    assertEquals("2", r.fields().get("NEWID"), "NEWID");
    String text = r.fields().get("TEXT");
    assertTrue(text.startsWith("MONEY TABLE TEST"), "TEXT without tags and control characters: " + text);
    assertTrue(text.contains("Item one...123"), "TEXT content: " + text);
    assertFalse(r.fields().containsKey("BODY"), "no BODY");
    assertEquals("5-MAR-1987 09:42:04.28", r.fields().get("DATE"), "date stripped");
  }

  @Test
  void documentWithoutNewIdIsMalformed() {
    String noId = "<REUTERS TOPICS=\"NO\" OLDID=\"9\">\n<DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><BODY>x</BODY></TEXT></REUTERS>\n";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("r.sgm", latin1(noId + DOC1)));
    assertEquals(2, records.size(), "two documents");
    assertEquals(RejectReason.MALFORMED_SGML, records.get(0).reason(), "no NEWID");
    assertTrue(records.get(0).raw().contains("OLDID=\"9\""), "raw kept");
    assertNull(records.get(1).reason(), "the next document is read");
  }

  @Test
  void unclosedDocumentIsMalformedAndTheNextOneRead() {
    String unclosed = "<REUTERS NEWID=\"7\">\n<DATE>26-FEB-1987 15:01:01.79</DATE><TEXT><BODY>cut";
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("r.sgm", latin1(unclosed + DOC1 + unclosed)));
    assertEquals(3, records.size(), "three documents");
    assertEquals(RejectReason.MALFORMED_SGML, records.get(0).reason(), "closed only after the next one starts");
    assertEquals(1, records.get(0).record(), "record 1");
    assertFalse(records.get(0).raw().contains("NEWID=\"1\""), "the reject stops where the next document starts");
    assertNull(records.get(1).reason(), "the next document is read");
    assertEquals("1", records.get(1).fields().get("NEWID"), "NEWID 1");
    assertEquals(2, records.get(1).record(), "record 2");
    assertEquals(RejectReason.MALFORMED_SGML, records.get(2).reason(), "unclosed at the end of the file");
  }

  @Test
  void oversizedDocument() {
    List<RawRecord> records = readAll(new ReutersSgmlReader(StandardCharsets.ISO_8859_1, 200),
        TestFiles.bytes("r.sgm", latin1(DOC1 + "<REUTERS NEWID=\"3\"><TEXT><BODY>short</BODY></TEXT></REUTERS>")));
    assertEquals(2, records.size(), "two documents");
    assertEquals(RejectReason.OVERSIZED_RECORD, records.get(0).reason(), "longer than 200");
    assertNull(records.get(1).reason(), "the short one is accepted");
  }

  @Test
  void emptyFileAndFileWithoutDocuments() {
    assertEquals(0, readAll(reader(), TestFiles.bytes("e.sgm", new byte[0])).size(), "empty");
    assertEquals(0, readAll(reader(), TestFiles.bytes("d.sgm", latin1("<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"))).size(),
        "only a doctype");
  }

  @Test
  void mapsToAnArticleWithTheReutersDatePattern() {
    List<RawRecord> records = readAll(reader(), TestFiles.bytes("r.sgm", latin1(DOC1 + UNPROC)));
    InputConfig in = new InputConfig(List.of("x"), InputFormat.REUTERS_SGML, null,
        new FieldMapping("NEWID", "DATE", "TITLE", List.of("BODY", "TEXT"), null, null, null),
        java.util.Map.of("source", "Reuters", "language", "en"), null, null, null,
        List.of("d-MMM-yyyy HH:mm:ss.SS"), null, null, null, null);
    ArticleParser parser = new ArticleParser(in, 2000, Instant.parse("2025-01-01T00:00:00Z"));
    Row a = parser.toRow(records.get(0));
    assertNull(a.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)), "accepted");
    assertEquals(Timestamp.from(Instant.parse("1987-02-26T15:01:01.790Z")),
        a.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "Reuters date");
    assertEquals("1", a.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.ARTICLE_ID)), "NEWID as id");
    Row b = parser.toRow(records.get(1));
    assertNull(b.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.REASON)), "UNPROC accepted via TEXT");
    assertEquals(Timestamp.from(Instant.parse("1987-03-05T09:42:04.280Z")),
        b.get(ReportSchemas.PARSED_RECORD.fieldIndex(Columns.PUBLISHED)), "single-digit day");
  }

  @Test
  void cleanDecodesEntitiesAndDropsControlCharacters() {
    assertEquals("a<b>&\"'", ReutersSgmlReader.clean("a&lt;b&gt;&amp;&quot;&apos;"), "named entities");
    assertEquals("AB", ReutersSgmlReader.clean("&#65;\u0003&#3;&#31;B"), "numeric entities; controls dropped");
    assertEquals("x & y &unknown; &#x;", ReutersSgmlReader.clean("x & y &unknown; &#x;"), "non-entities kept");
    assertEquals("l1\nl2\tt", ReutersSgmlReader.clean("l1\rl2\tt\u007f"), "CR as newline, tab kept, DEL dropped");
  }
}
