package io.trendwire.ingest;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict decoding of record bytes: bad bytes are reported, never silently replaced. */
final class TextDecoding {
  /** ICU's confidence (0-100) below which an automatic guess is not trusted. */
  static final int MIN_DETECTION_CONFIDENCE = 20;

  private TextDecoding() {}

  /** The decoded text, or null when the bytes are invalid in {@code charset}. */
  static String decodeStrict(byte[] bytes, int offset, int length, Charset charset) {
    try {
      return charset.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** The bytes as text for rejects/raw: never fails, bad bytes become U+FFFD. */
  static String decodeLenient(byte[] bytes, int offset, int length, Charset charset) {
    return new String(bytes, offset, length, charset);
  }

  /** Skips a UTF-8 byte order mark. */
  static int bomLength(byte[] bytes, int length) {
    return length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
  }

  /** ICU's best guess of the character set, or null when it is not confident. */
  static Charset detect(byte[] bytes, int length) {
    byte[] sample = length == bytes.length ? bytes : java.util.Arrays.copyOf(bytes, length);
    CharsetMatch match = new CharsetDetector().setText(sample).detect();
    if (match == null || match.getConfidence() < MIN_DETECTION_CONFIDENCE) {
      return null;
    }
    try {
      return Charset.forName(match.getName());
    } catch (RuntimeException e) {
      return null;
    }
  }

  static boolean isUtf8(Charset charset) {
    return StandardCharsets.UTF_8.equals(charset);
  }
}
