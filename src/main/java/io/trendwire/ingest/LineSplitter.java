package io.trendwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream on '\n' (dropping a trailing '\r') without decoding, so invalid bytes are
 * caught per line. A line longer than the limit keeps only its first {@code limit} bytes and is
 * flagged {@link #truncated()}; the rest of it is skipped, never buffered.
 */
final class LineSplitter {
  private final InputStream in;
  private final int limit;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[4096];
  private int lineLen;
  private boolean truncated;
  private long lineNumber;
  private boolean eof;

  LineSplitter(InputStream in, long limit) {
    this.in = in;
    this.limit = (int) Math.min(limit, Integer.MAX_VALUE - 16);
  }

  /** Advances to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    lineLen = 0;
    truncated = false;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkLen) {
        if (eof) {
          break;
        }
        chunkLen = in.read(chunk);
        chunkPos = 0;
        if (chunkLen <= 0) {
          chunkLen = 0;
          eof = true;
          break;
        }
      }
      any = true;
      int start = chunkPos;
      while (chunkPos < chunkLen && chunk[chunkPos] != '\n') {
        chunkPos++;
      }
      append(start, chunkPos - start);
      if (chunkPos < chunkLen) {
        chunkPos++; // the newline
        break;
      }
    }
    if (!any) {
      return false;
    }
    if (lineLen > 0 && line[lineLen - 1] == '\r') {
      lineLen--;
    }
    lineNumber++;
    return true;
  }

  private void append(int from, int count) {
    int room = limit - lineLen;
    if (count > room) {
      truncated = true;
      count = Math.max(room, 0);
    }
    if (lineLen + count > line.length) {
      line = Arrays.copyOf(line, Math.max(line.length * 2, lineLen + count));
    }
    System.arraycopy(chunk, from, line, lineLen, count);
    lineLen += count;
  }

  byte[] buffer() {
    return line;
  }

  int length() {
    return lineLen;
  }

  boolean truncated() {
    return truncated;
  }

  long lineNumber() {
    return lineNumber;
  }

  boolean isBlank() {
    for (int i = 0; i < lineLen; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return !truncated;
  }
}
