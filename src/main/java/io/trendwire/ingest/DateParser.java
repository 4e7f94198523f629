package io.trendwire.ingest;

import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parses publication dates: epoch seconds or milliseconds, ISO-8601 (with or without offset, 'T'
 * or space, basic or extended, date only), RFC 1123, then the configured patterns. Dates without
 * an offset are read in the configured zone. Resolution is strict, so 30 February is invalid
 * rather than silently moved to 1 March.
 */
public final class DateParser implements Serializable {
  /** Epoch values at or above this are milliseconds (1e11 s is the year 5138). */
  private static final long MILLIS_THRESHOLD = 100_000_000_000L;
  private static final Pattern EPOCH = Pattern.compile("-?\\d{9,13}(\\.\\d+)?");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private final String zone;
  private final List<String> patterns;
  private transient List<DateTimeFormatter> formatters;
  private transient ZoneId zoneId;

  /** Outcome of a parse: an instant, or why there is none. */
  public record Result(Instant instant, RejectReason reason, String detail) {}

  public DateParser(String zone, List<String> patterns) {
    this.zone = zone;
    this.patterns = List.copyOf(patterns);
  }

  public Result parse(String value) {
    if (value == null || value.isBlank()) {
      return new Result(null, RejectReason.MISSING_DATE, "no date");
    }
    String s = SPACES.matcher(value.strip()).replaceAll(" ");
    if (EPOCH.matcher(s).matches()) {
      double number = Double.parseDouble(s);
      long millis = Math.abs(number) >= MILLIS_THRESHOLD ? (long) number : (long) (number * 1000);
      return new Result(Instant.ofEpochMilli(millis), null, null);
    }
    for (DateTimeFormatter f : formatters()) {
      try {
        TemporalAccessor t = f.parse(s);
        return new Result(toInstant(t), null, null);
      } catch (DateTimeParseException e) {
        if (e.getCause() instanceof DateTimeException && !(e.getCause() instanceof DateTimeParseException)) {
          // The text matched the pattern but names a day that does not exist.
          return new Result(null, RejectReason.INVALID_DATE, "impossible date '" + value + "': "
              + e.getCause().getMessage());
        }
      } catch (DateTimeException e) {
        return new Result(null, RejectReason.INVALID_DATE, "impossible date '" + value + "': " + e.getMessage());
      }
    }
    return new Result(null, RejectReason.INVALID_DATE, "unrecognised date '" + value + "'");
  }

  private Instant toInstant(TemporalAccessor t) {
    if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
      return Instant.from(t);
    }
    if (t.isSupported(ChronoField.HOUR_OF_DAY)) {
      return LocalDateTime.from(t).atZone(zoneId()).toInstant();
    }
    return LocalDate.from(t).atStartOfDay(zoneId()).toInstant();
  }

  private ZoneId zoneId() {
    if (zoneId == null) {
      zoneId = ZoneId.of(zone);
    }
    return zoneId;
  }

  private List<DateTimeFormatter> formatters() {
    if (formatters == null) {
      List<DateTimeFormatter> list = new ArrayList<>();
      // ISO-8601 extended, 'T' or space between date and time, optional fraction and offset.
      list.add(new DateTimeFormatterBuilder().parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart().optionalStart().appendLiteral('T').optionalEnd()
          .optionalStart().appendLiteral(' ').optionalEnd()
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .optionalStart().appendLiteral(' ').optionalEnd()
          .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
          .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
          .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
          .optionalEnd()
          .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT)
          .withChronology(java.time.chrono.IsoChronology.INSTANCE));
      // ISO-8601 basic: 20230210T181500Z (the Ukraine corpus's file names).
      list.add(strict("uuuuMMdd'T'HHmmss[X]"));
      list.add(strict("uuuuMMdd"));
      list.add(DateTimeFormatter.RFC_1123_DATE_TIME.withResolverStyle(ResolverStyle.STRICT));
      list.add(strict("EEE, d MMM uuuu HH:mm[:ss] zzz"));
      for (String p : patterns) {
        list.add(strict(p));
      }
      formatters = list;
    }
    return formatters;
  }

  private static DateTimeFormatter strict(String pattern) {
    // 'yyyy' is year-of-era, which strict resolution cannot use without an era: read it as 'uuuu'.
    String p = pattern.replace("yyyy", "uuuu").replace("yy", "uu");
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p)
        .toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }
}
