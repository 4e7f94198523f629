package io.trendwire.ingest;

import io.trendwire.config.InputConfig;
import java.nio.charset.Charset;
import java.util.Map;

/** Picks the reader for the configured format. */
final class RecordReaders {
  private RecordReaders() {}

  static RecordReader forConfig(InputConfig in, Map<String, Map<String, String>> sidecar) {
    Charset charset = "auto".equalsIgnoreCase(in.encoding()) ? null : Charset.forName(in.encoding());
    Charset textCharset = charset == null ? Charset.forName("UTF-8") : charset;
    return switch (in.format()) {
      case JSONL -> new JsonLinesReader(textCharset, in.maxRecordBytes());
      case JSON -> new JsonArrayReader(in.maxRecordBytes());
      case CSV, TSV -> new CsvReader(in.delimiter().charAt(0), textCharset, in.maxRecordBytes());
      case TEXT -> new TextFileReader(charset, in.maxRecordBytes(), in.fileNamePattern(), sidecar);
      case REUTERS_SGML -> new ReutersSgmlReader(textCharset, in.maxRecordBytes());
      case FUNDUS -> new FundusReader();
      case PARQUET -> throw new IllegalArgumentException("Parquet is read by Spark, not by a record reader");
    };
  }
}
