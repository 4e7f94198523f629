package io.trendwire.ingest;

import java.io.IOException;
import java.util.Iterator;

/**
 * Turns one input file into records, lazily, so a large file never sits in memory as a list.
 * Readers never throw for bad content: a record they cannot read becomes a rejected
 * {@link RawRecord}. An {@link IOException} means the file itself could not be read.
 */
public interface RecordReader {
  Iterator<RawRecord> read(InputFile file) throws IOException;
}
