package io.trendwire.ingest;

import io.trendwire.config.FieldMapping;
import io.trendwire.config.InputConfig;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Applies the config's field mapping to a {@link RawRecord}: an article row, or a reject row with
 * its reason. Pure and serialisable: executors run it on every record.
 *
 * <p>Output rows follow {@link io.trendwire.schema.ReportSchemas#PARSED_RECORD}. Accepted rows have
 * a null reason, a non-null article_id, published and text, and a null raw (the raw text is only
 * kept, cut to {@code rejectRawChars}, where a record is rejected).
 */
public final class ArticleParser implements Serializable {
  /** Dates before this are typos or placeholders, not news. */
  static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");
  /** Feeds are timestamped a little ahead at times (zones, embargoes); two days is generous. */
  static final Duration FUTURE_SLACK = Duration.ofDays(2);

  private final FieldMapping mapping;
  private final Map<String, String> defaults;
  private final boolean titleAsText;
  private final DateParser dates;
  private final Instant latest;
  private final int rejectRawChars;

  public ArticleParser(InputConfig input, int rejectRawChars, Instant runStart) {
    this.mapping = input.fields();
    this.defaults = new LinkedHashMap<>(input.defaults());
    this.titleAsText = input.titleAsText();
    this.dates = new DateParser(input.timeZone(), input.dateFormats());
    this.latest = runStart.plus(FUTURE_SLACK);
    this.rejectRawChars = rejectRawChars;
  }

  public Row toRow(RawRecord r) {
    if (r.reason() != null) {
      return reject(r, r.reason(), r.detail());
    }
    Map<String, String> f = r.fields();
    DateParser.Result date = dates.parse(get(f, mapping.published()));
    if (date.instant() == null) {
      return reject(r, date.reason(), date.detail());
    }
    if (date.instant().isBefore(EARLIEST) || date.instant().isAfter(latest)) {
      return reject(r, RejectReason.DATE_OUT_OF_RANGE, "date " + date.instant() + " outside 1800-01-01 .. run date + 2 days");
    }
    String title = clean(get(f, mapping.title()));
    StringBuilder text = new StringBuilder();
    for (String field : mapping.text()) {
      String part = clean(get(f, field));
      if (part != null) {
        if (text.length() > 0) {
          text.append("\n\n");
        }
        text.append(part);
      }
    }
    if (text.length() == 0) {
      if (titleAsText && title != null) {
        text.append(title);
      } else {
        return reject(r, RejectReason.EMPTY_TEXT, "no text in " + mapping.text());
      }
    }
    String id = get(f, mapping.id());
    id = id == null ? "sha256:" + hash(r.raw() != null ? r.raw() : f.toString()) : id.strip();
    return RowFactory.create(r.sourceFile(), r.record(), id, Timestamp.from(date.instant()),
        clean(get(f, mapping.source())), LanguageCodes.normalize(get(f, mapping.language())), title,
        text.toString(), clean(get(f, mapping.url())), null, null, null);
  }

  private Row reject(RawRecord r, RejectReason reason, String detail) {
    String raw = r.raw();
    if (raw != null && raw.length() > rejectRawChars) {
      raw = raw.substring(0, rejectRawChars);
    }
    return RowFactory.create(r.sourceFile(), r.record(), null, null, null, null, null, null, null,
        raw, reason.name(), detail);
  }

  /** The field's value, else the config default, else null; blank counts as absent. */
  private String get(Map<String, String> fields, String name) {
    String v = name == null ? null : fields.get(name);
    if (v == null || v.isBlank()) {
      v = defaults.get(name);
    }
    return v == null || v.isBlank() ? null : v;
  }

  /**
   * NFC-normalised, control characters other than newline and tab removed, trimmed; null when
   * nothing is left. NFC so that the same word compares equal however the input composed it.
   */
  static String clean(String s) {
    if (s == null) {
      return null;
    }
    String n = Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    StringBuilder out = null;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      boolean keep = !(c < 0x20 || c >= 0x7f && c <= 0x9f) || c == '\n' || c == '\t';
      if (!keep && out == null) {
        out = new StringBuilder(n.length()).append(n, 0, i);
      } else if (keep && out != null) {
        out.append(c);
      }
    }
    String result = (out == null ? n : out.toString()).strip();
    return result.isEmpty() ? null : result;
  }

  static String hash(String s) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
