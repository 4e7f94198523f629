package io.trendwire.ingest;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CSV and TSV with a header row, quoted fields may span lines. A row whose column count differs
 * from the header is rejected on its own; broken quoting or bad bytes reject the rest of the file.
 */
final class CsvReader implements RecordReader {
  private final char delimiter;
  private final Charset charset;
  private final long maxRecordBytes;

  CsvReader(char delimiter, Charset charset, long maxRecordBytes) {
    this.delimiter = delimiter;
    this.charset = charset;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Iterator<RawRecord> read(InputFile file) throws IOException {
    CsvParserSettings settings = new CsvParserSettings();
    settings.getFormat().setDelimiter(delimiter);
    settings.setLineSeparatorDetectionEnabled(true);
    settings.setHeaderExtractionEnabled(false);
    settings.setMaxCharsPerColumn((int) Math.min(Integer.MAX_VALUE, maxRecordBytes));
    settings.setMaxColumns(4096);
    settings.setKeepQuotes(false);
    settings.setSkipEmptyLines(true);
    // Read ahead on this thread: a decoding error then surfaces at the row it belongs to.
    settings.setReadInputOnSeparateThread(false);
    CsvParser parser = new CsvParser(settings);
    InputStream in = file.open();
    InputStreamReader reader = new InputStreamReader(in, charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    String path = file.path();
    String[] header;
    try {
      parser.beginParsing(reader);
      header = parser.parseNext();
    } catch (TextParsingException e) {
      stopQuietly(parser);
      return Collections.singletonList(failure(path, 0, e)).iterator();
    }
    if (header == null) {
      stopQuietly(parser);
      return Collections.emptyIterator();
    }
    if (header.length > 0 && header[0] != null && header[0].startsWith("\uFEFF")) {
      header[0] = header[0].substring(1);
    }
    return new LazyIterator<>() {
      long number;
      boolean finished;

      @Override
      protected RawRecord computeNext() {
        if (finished) {
          return null;
        }
        String[] row;
        try {
          row = parser.parseNext();
        } catch (TextParsingException e) {
          finished = true;
          stopQuietly(parser);
          return failure(path, number + 1, e);
        }
        if (row == null) {
          finished = true;
          return null;
        }
        number++;
        String raw = parser.getContext().currentParsedContent();
        if (row.length != header.length) {
          return RawRecord.rejected(path, number, raw == null ? String.join(String.valueOf(delimiter), row) : raw,
              RejectReason.MALFORMED_CSV, "row has " + row.length + " columns, header has " + header.length);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < header.length; i++) {
          if (row[i] != null) {
            fields.put(header[i], row[i]);
          }
        }
        return RawRecord.accepted(path, number, raw, fields);
      }
    };
  }

  /** Stopping re-reads the input, which throws again after a decoding error; the reject is already made. */
  private static void stopQuietly(CsvParser parser) {
    try {
      parser.stopParsing();
    } catch (RuntimeException ignored) {
      // nothing more can be read from this file either way
    }
  }

  private RawRecord failure(String path, long number, TextParsingException e) {
    boolean badBytes = false;
    for (Throwable c = e.getCause(); c != null && !badBytes; c = c.getCause()) {
      badBytes = c instanceof java.nio.charset.CharacterCodingException;
    }
    if (badBytes) {
      return RawRecord.rejected(path, Math.max(number, 1), null, RejectReason.INVALID_UTF8,
          "bytes not valid " + charset.name() + " near line " + e.getLineIndex() + "; the rest of the file is unreadable");
    }
    boolean tooLong = e.getMessage() != null && e.getMessage().contains("exceeds the maximum");
    return RawRecord.rejected(path, Math.max(number, 1), e.getParsedContent(),
        tooLong ? RejectReason.OVERSIZED_RECORD : RejectReason.MALFORMED_CSV,
        "parse error near line " + e.getLineIndex() + "; the rest of the file is unreadable");
  }
}
