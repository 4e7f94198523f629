package io.trendwire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateParserTest {
  private static final DateParser UTC = new DateParser("UTC", List.of());

  private static Instant parsed(DateParser parser, String value) {
    DateParser.Result r = parser.parse(value);
    assertNull(r.reason(), () -> "'" + value + "' should parse, got " + r.reason() + ": " + r.detail());
    return r.instant();
  }

  private static void assertRejected(DateParser parser, String value, RejectReason expected) {
    DateParser.Result r = parser.parse(value);
    assertNull(r.instant(), () -> "'" + value + "' should not parse, got " + r.instant());
    assertEquals(expected, r.reason(), () -> "reason for '" + value + "' (detail: " + r.detail() + ")");
    assertTrue(r.detail() != null && !r.detail().isBlank(), "a reject says why");
  }

  @ParameterizedTest(name = "ISO-8601 {0}")
  @CsvSource(delimiter = '|', value = {
      "2023-02-10T18:15:00Z|2023-02-10T18:15:00Z",
      "2023-02-10T18:15:00.123Z|2023-02-10T18:15:00.123Z",
      "2023-02-10T18:15Z|2023-02-10T18:15:00Z",
      "2023-02-10T19:15:00+01:00|2023-02-10T18:15:00Z",
      "2023-02-10T19:15:00+0100|2023-02-10T18:15:00Z",
      "2023-02-10T13:15:00-05:00|2023-02-10T18:15:00Z",
      "2023-02-10 18:15:00|2023-02-10T18:15:00Z",
      "2023-02-10 18:15:00Z|2023-02-10T18:15:00Z",
      "2023-02-10T18:15:00|2023-02-10T18:15:00Z",
      "2023-02-10t18:15:00z|2023-02-10T18:15:00Z",
      "2023-02-10T19:15:00+01:00[Europe/Rome]|2023-02-10T18:15:00Z",
      "2023-02-10|2023-02-10T00:00:00Z",
      "  2023-02-10T18:15:00Z  |2023-02-10T18:15:00Z",
  })
  void isoExtended(String value, String expected) {
    assertEquals(Instant.parse(expected), parsed(UTC, value), "ISO-8601 date " + value);
  }

  @ParameterizedTest(name = "ISO-8601 basic {0}")
  @CsvSource(delimiter = '|', value = {
      "20230210T181500Z|2023-02-10T18:15:00Z",
      "20230210T181500|2023-02-10T18:15:00Z",
      "20230210T191500+01|2023-02-10T18:15:00Z",
      "20230210|2023-02-10T00:00:00Z",
  })
  void isoBasic(String value, String expected) {
    assertEquals(Instant.parse(expected), parsed(UTC, value), "ISO-8601 basic date " + value);
  }

  @ParameterizedTest(name = "RFC 1123 {0}")
  @CsvSource(delimiter = '|', value = {
      "Fri, 10 Feb 2023 18:15:00 GMT|2023-02-10T18:15:00Z",
      "Fri, 10 Feb 2023 19:15:00 +0100|2023-02-10T18:15:00Z",
      "10 Feb 2023 18:15:00 GMT|2023-02-10T18:15:00Z",
      "Fri, 3 Feb 2023 18:15:00 GMT|2023-02-03T18:15:00Z",
      "Fri, 10 Feb 2023 18:15 UTC|2023-02-10T18:15:00Z",
      "Fri,   10 Feb 2023   18:15:00 GMT|2023-02-10T18:15:00Z",
  })
  void rfc1123(String value, String expected) {
    assertEquals(Instant.parse(expected), parsed(UTC, value), "RFC 1123 date " + value);
  }

  @Test
  void epochSecondsAndMilliseconds() {
    assertEquals(Instant.parse("2023-11-14T22:13:20Z"), parsed(UTC, "1700000000"), "10 digits are seconds");
    assertEquals(Instant.parse("2023-11-14T22:13:20.500Z"), parsed(UTC, "1700000000.5"), "fractional seconds");
    assertEquals(Instant.parse("2023-11-14T22:13:20.123Z"), parsed(UTC, "1700000000123"), "13 digits are milliseconds");
    // KCNA's "date" field: epoch milliseconds of 2023-12-24.
    assertEquals(Instant.parse("2023-12-24T00:00:00Z"), parsed(UTC, "1703376000000"), "KCNA epoch ms");
    assertEquals(Instant.parse("1987-02-26T00:00:00Z"), parsed(UTC, "541296000"), "9 digits are seconds");
  }

  @Test
  void datesWithoutOffsetUseTheConfiguredZone() {
    DateParser rome = new DateParser("Europe/Rome", List.of());
    assertEquals(Instant.parse("2023-02-10T17:15:00Z"), parsed(rome, "2023-02-10T18:15:00"), "winter: UTC+1");
    assertEquals(Instant.parse("2024-06-19T10:00:00Z"), parsed(rome, "2024-06-19 12:00:00"), "summer: UTC+2");
    assertEquals(Instant.parse("2024-06-18T22:00:00Z"), parsed(rome, "2024-06-19"), "a date alone starts at local midnight");
    assertEquals(Instant.parse("2023-02-10T18:15:00Z"), parsed(rome, "2023-02-10T18:15:00Z"), "an explicit offset wins");
    assertEquals(Instant.parse("2023-02-10T18:15:00Z"), parsed(rome, "1676052900"), "epoch numbers have no zone");
    DateParser seoul = new DateParser("Asia/Seoul", List.of("dd/MM/yyyy HH:mm"));
    assertEquals(Instant.parse("2024-06-19T03:00:00Z"), parsed(seoul, "19/06/2024 12:00"), "patterns use the zone too");
  }

  @ParameterizedTest(name = "pattern {1} on {0}")
  @CsvSource(delimiter = '|', value = {
      "19/06/2024 12:30|dd/MM/yyyy HH:mm|2024-06-19T12:30:00Z",
      "19.06.2024|dd.MM.yyyy|2024-06-19T00:00:00Z",
      "26-FEB-1987 15:01:01.79|d-MMM-yyyy HH:mm:ss.SS|1987-02-26T15:01:01.790Z",
      " 5-MAR-1987 09:42:04.28|d-MMM-yyyy HH:mm:ss.SS|1987-03-05T09:42:04.280Z",
      "June 19, 2024 08:00 +0900|MMMM d, yyyy HH:mm Z|2024-06-18T23:00:00Z",
      "19/06/24|dd/MM/yy|2024-06-19T00:00:00Z",
  })
  void configuredPatterns(String value, String pattern, String expected) {
    DateParser parser = new DateParser("UTC", List.of(pattern));
    assertEquals(Instant.parse(expected), parsed(parser, value), "'" + value + "' with pattern " + pattern);
  }

  @Test
  void patternsAreTriedInOrderAfterTheBuiltInFormats() {
    DateParser parser = new DateParser("UTC", List.of("dd/MM/yyyy", "MM/dd/yyyy HH:mm"));
    assertEquals(Instant.parse("2024-06-19T00:00:00Z"), parsed(parser, "19/06/2024"), "first pattern");
    assertEquals(Instant.parse("2024-06-19T08:00:00Z"), parsed(parser, "06/19/2024 08:00"), "second pattern");
    assertEquals(Instant.parse("2024-06-19T00:00:00Z"), parsed(parser, "2024-06-19"), "ISO still first");
    assertRejected(UTC, "19/06/2024", RejectReason.INVALID_DATE);
  }

  @Test
  void missingDates() {
    assertRejected(UTC, null, RejectReason.MISSING_DATE);
    assertRejected(UTC, "", RejectReason.MISSING_DATE);
    assertRejected(UTC, "   \t ", RejectReason.MISSING_DATE);
  }

  @ParameterizedTest(name = "impossible {0}")
  @CsvSource(delimiter = '|', value = {
      "2023-02-30",
      "2023-02-29T10:00:00Z",
      "2023-04-31 10:00:00",
      "2023-13-01",
      "2023-02-10T25:00:00Z",
      "20230230T120000Z",
      "Mon, 10 Feb 2023 18:15:00 GMT",
  })
  void impossibleDatesAreInvalidNotShifted(String value) {
    assertRejected(UTC, value, RejectReason.INVALID_DATE);
  }

  @Test
  void leapDayExistsInLeapYears() {
    assertEquals(Instant.parse("2024-02-29T00:00:00Z"), parsed(UTC, "2024-02-29"), "2024 is a leap year");
    assertRejected(new DateParser("UTC", List.of("dd/MM/yyyy")), "29/02/2023", RejectReason.INVALID_DATE);
  }

  @ParameterizedTest(name = "unrecognised {0}")
  @CsvSource(delimiter = '|', value = {"yesterday", "not a date", "2023/02/10 maybe", "12345", "10 Febbraio 2023"})
  void unrecognisedDatesAreInvalid(String value) {
    assertRejected(UTC, value, RejectReason.INVALID_DATE);
    assertTrue(UTC.parse(value).detail().contains(value), "the detail quotes the value");
  }

  @Test
  void survivesSerialisationToExecutors() throws Exception {
    DateParser parser = new DateParser("Europe/Rome", List.of("dd/MM/yyyy"));
    parser.parse("2024-06-19"); // initialises the transient formatters before shipping
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(parser);
    }
    DateParser copy;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (DateParser) in.readObject();
    }
    assertEquals(Instant.parse("2024-06-18T22:00:00Z"), parsed(copy, "19/06/2024"), "zone and pattern survive");
  }
}
