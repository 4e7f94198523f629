package io.trendwire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordReadersTest {
  private static InputConfig config(InputFormat format, String encoding) {
    return new InputConfig(List.of("x"), format, null, null, null, null, null, encoding, null, null, null, null, null);
  }

  @Test
  void eachFormatHasItsReader() {
    assertInstanceOf(JsonLinesReader.class, RecordReaders.forConfig(config(InputFormat.JSONL, null), Map.of()), "jsonl");
    assertInstanceOf(JsonArrayReader.class, RecordReaders.forConfig(config(InputFormat.JSON, null), Map.of()), "json");
    assertInstanceOf(CsvReader.class, RecordReaders.forConfig(config(InputFormat.CSV, null), Map.of()), "csv");
    assertInstanceOf(CsvReader.class, RecordReaders.forConfig(config(InputFormat.TSV, null), Map.of()), "tsv");
    assertInstanceOf(TextFileReader.class, RecordReaders.forConfig(config(InputFormat.TEXT, "auto"), Map.of()), "text");
    assertInstanceOf(ReutersSgmlReader.class, RecordReaders.forConfig(config(InputFormat.REUTERS_SGML, null), Map.of()), "sgml");
    assertInstanceOf(FundusReader.class, RecordReaders.forConfig(config(InputFormat.FUNDUS, null), Map.of()), "fundus");
    assertThrows(IllegalArgumentException.class,
        () -> RecordReaders.forConfig(config(InputFormat.PARQUET, null), Map.of()), "parquet is read by Spark");
  }

  @Test
  void tsvReaderSplitsOnTabsAndTextReaderUsesTheSidecar() {
    RecordReader tsv = RecordReaders.forConfig(config(InputFormat.TSV, null), Map.of());
    RawRecord row = TestFiles.readAll(tsv, TestFiles.bytes("a.tsv", "id\ttext\n1\ta, b\n")).get(0);
    assertEquals("a, b", row.fields().get("text"), "tab-separated");
    RecordReader text = RecordReaders.forConfig(config(InputFormat.TEXT, "windows-1251"),
        Map.of("a.txt", Map.of("published", "2024-06-19")));
    RawRecord r = TestFiles.readAll(text, TestFiles.bytes("a.txt", "Москва".getBytes(Charset.forName("windows-1251")))).get(0);
    assertNull(r.reason(), "decoded in the configured charset");
    assertEquals("Москва", r.fields().get("text"), "windows-1251 text");
    assertEquals("2024-06-19", r.fields().get("published"), "sidecar passed on");
  }
}
