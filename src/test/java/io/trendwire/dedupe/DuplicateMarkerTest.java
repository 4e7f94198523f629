package io.trendwire.dedupe;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.DUPLICATE_KIND;
import static io.trendwire.schema.Columns.DUPLICATE_OF;
import static io.trendwire.schema.Columns.DUPLICATE_SIMILARITY;
import static io.trendwire.schema.Columns.PUBLISHED;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TEXT_HASH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import io.trendwire.config.DedupeConfig;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DuplicateMarkerTest {
  private static final StructType SCHEMA = new StructType()
      .add(ARTICLE_ID, DataTypes.StringType, false)
      .add(PUBLISHED, DataTypes.TimestampType, false)
      .add(TEXT, DataTypes.StringType, false);

  private static final String STORY = "The Russian president arrived in Pyongyang on Wednesday for a two-day visit, "
      + "his first in twenty-four years. The two leaders signed a comprehensive strategic partnership treaty "
      + "that obliges each side to help the other if it is attacked. Officials in Seoul and Washington said "
      + "they were watching the talks closely and warned against any transfer of weapons or technology.";
  private static final String OTHER = "Heavy rain flooded the river valley overnight and the regional authorities "
      + "closed three bridges while rescue teams searched the lower villages. Forecasters expect the water to "
      + "recede by Friday, but farmers fear the harvest in the low fields is already lost to the flood.";

  private static Row row(String id, String published, String text) {
    return RowFactory.create(id, Timestamp.from(Instant.parse(published)), text);
  }

  private static Map<String, Row> mark(DedupeConfig config, Row... rows) {
    Map<String, Row> out = new HashMap<>();
    new DuplicateMarker(config).mark(SparkTestSession.get().createDataFrame(List.of(rows), SCHEMA))
        .collectAsList().forEach(r -> out.put(r.getAs(ARTICLE_ID), r));
    assertEquals(rows.length, out.size(), "one output row per input row");
    return out;
  }

  /** Distinct made-up words w{from} .. w{to - 1}, so shingle overlaps are known exactly. */
  private static String words(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
  }

  @Test
  void exactCopiesPointToTheEarliestAndOriginalsKeepNull() {
    Map<String, Row> out = mark(DedupeConfig.DEFAULT,
        row("b-later", "2024-06-19T12:00:00Z", STORY),
        row("a-first", "2024-06-19T08:00:00Z", STORY),
        // Case, punctuation and spacing differences do not change the normalised text.
        row("c-shouting", "2024-06-19T10:00:00Z", STORY.toUpperCase().replace(",", " ,  ")),
        // Same time as the original: the smaller article_id wins.
        row("a-0-same-time", "2024-06-19T08:00:00Z", STORY),
        row("other", "2024-06-19T09:00:00Z", OTHER));
    assertNull(out.get("a-0-same-time").getAs(DUPLICATE_OF), "the earliest (then smallest id) is the original");
    assertNull(out.get("a-0-same-time").getAs(DUPLICATE_KIND), "an original has no duplicate_kind");
    for (String copy : List.of("a-first", "b-later", "c-shouting")) {
      Row r = out.get(copy);
      assertEquals("a-0-same-time", r.getAs(DUPLICATE_OF), copy + " points to the original");
      assertEquals("exact", r.getAs(DUPLICATE_KIND), copy + " is an exact copy");
      assertEquals(1.0, (double) r.getAs(DUPLICATE_SIMILARITY), 1e-9, copy + " similarity");
      assertEquals(out.get("a-0-same-time").<String>getAs(TEXT_HASH), r.getAs(TEXT_HASH), copy + " shares the hash");
    }
    assertNull(out.get("other").getAs(DUPLICATE_OF), "an unrelated article is an original");
    assertNull(out.get("other").getAs(DUPLICATE_SIMILARITY), "an original has no similarity");
  }

  @Test
  void nearCopiesPointToTheEarliestArticleTheyCopy() {
    String edited = "Moscow, June 19. " + STORY.replace("closely", "very closely").replace("twenty-four", "24");
    Map<String, Row> out = mark(DedupeConfig.DEFAULT,
        row("wire", "2024-06-19T08:00:00Z", STORY),
        row("outlet", "2024-06-19T09:30:00Z", edited),
        row("other", "2024-06-19T09:00:00Z", OTHER));
    Row outlet = out.get("outlet");
    assertEquals("wire", outlet.getAs(DUPLICATE_OF), "an edited copy points to the wire story");
    assertEquals("near", outlet.getAs(DUPLICATE_KIND), "the edited copy is a near copy");
    double similarity = outlet.getAs(DUPLICATE_SIMILARITY);
    assertTrue(similarity >= 0.7 && similarity < 1.0, "near similarity in [0.7, 1): " + similarity);
    assertNull(out.get("wire").getAs(DUPLICATE_OF), "the wire story is the original");
    assertNull(out.get("other").getAs(DUPLICATE_OF), "an unrelated article is an original");
  }

  @Test
  void truncatedCopyIsANearCopyByOverlap() {
    // Half the words: Jaccard 0.5, but the overlap with the smaller set is 1.
    Map<String, Row> out = mark(DedupeConfig.DEFAULT,
        row("full", "2024-06-19T08:00:00Z", words(0, 80)),
        row("cut", "2024-06-19T09:00:00Z", words(0, 40)));
    assertEquals("full", out.get("cut").getAs(DUPLICATE_OF), "a truncation is a copy");
    assertEquals(1.0, (double) out.get("cut").getAs(DUPLICATE_SIMILARITY), 1e-9, "overlap of a truncation");
  }

  @Test
  void aCopyOfACopyPointsToTheFirstOriginal() {
    // first ⊂ second (overlap 1); third shares 33 of its 43 shingles with second (0.77) but only
    // 13 of first's 38 (0.34): it is a copy of second only, and so of first.
    Map<String, Row> out = mark(DedupeConfig.DEFAULT,
        row("first", "2024-06-19T08:00:00Z", words(0, 40)),
        row("second", "2024-06-19T09:00:00Z", words(0, 60)),
        row("third", "2024-06-19T10:00:00Z", words(25, 70)));
    assertNull(out.get("first").getAs(DUPLICATE_OF), "the first article is the original");
    assertEquals("first", out.get("second").getAs(DUPLICATE_OF), "the first copy points to the original");
    assertEquals("first", out.get("third").getAs(DUPLICATE_OF), "a copy of a copy points to the first original");
    assertEquals("near", out.get("third").getAs(DUPLICATE_KIND), "kind of the copy of a copy");
  }

  @Test
  void textsShorterThanMinShinglesAreNeverNearCopies() {
    int words = DuplicateMarker.MIN_SHINGLES + 1; // MIN_SHINGLES - 1 three-word shingles
    String a = words(0, words);
    String b = words(0, words - 1) + " different";
    Map<String, Row> out = mark(DedupeConfig.DEFAULT,
        row("a", "2024-06-19T08:00:00Z", a),
        row("b", "2024-06-19T09:00:00Z", b),
        row("a-again", "2024-06-19T10:00:00Z", a));
    assertNull(out.get("b").getAs(DUPLICATE_OF), "a short text that differs is not a near copy");
    assertEquals("a", out.get("a-again").getAs(DUPLICATE_OF), "a short exact copy is still an exact copy");
    assertEquals("exact", out.get("a-again").getAs(DUPLICATE_KIND), "kind of a short exact copy");
  }

  @Test
  void switchesTurnMarkingOff() {
    String edited = "Moscow, June 19. " + STORY;
    Row[] rows = {row("wire", "2024-06-19T08:00:00Z", STORY), row("outlet", "2024-06-19T09:00:00Z", edited),
        row("same", "2024-06-19T10:00:00Z", STORY)};
    Map<String, Row> exactOnly = mark(new DedupeConfig(null, false, null, null, null, null, null), rows);
    assertEquals("wire", exactOnly.get("same").getAs(DUPLICATE_OF), "exact copies without near-duplicates");
    assertNull(exactOnly.get("outlet").getAs(DUPLICATE_OF), "no near copies when nearDuplicates is false");
    Map<String, Row> off = mark(new DedupeConfig(false, null, null, null, null, null, null), rows);
    List<String> marked = new ArrayList<>();
    off.values().forEach(r -> {
      if (r.getAs(DUPLICATE_OF) != null) {
        marked.add(r.getAs(ARTICLE_ID));
      }
    });
    assertTrue(marked.isEmpty(), "nothing is marked when dedupe is disabled: " + marked);
    assertNotNull(off.get("same").getAs(TEXT_HASH), "the text hash is still computed");
  }
}
