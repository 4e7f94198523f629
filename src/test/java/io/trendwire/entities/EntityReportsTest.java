package io.trendwire.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendwire.SparkTestSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The gazetteer table that entities/ joins for countries and Wikidata ids. */
class EntityReportsTest {
  @Test
  void gazetteerTableHoldsEveryEntityOnceWithItsCountryAndWikidataId() {
    List<GazetteerEntity> entities = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    for (int i = 0; i < 12_345; i++) {
      String id = "city:XX:place-" + i;
      entities.add(new GazetteerEntity(id, "Place " + i, EntityType.CITY, i % 2 == 0 ? "IT" : null,
          i % 3 == 0 ? "Q" + i : null));
      aliases.add(new Alias(id, Alias.ANY_LANGUAGE, "Place " + i, AliasKind.NAME));
    }
    EntityMatcher matcher = EntityMatcher.compile(new Gazetteer(entities, aliases));
    Map<String, Row> rows = new TreeMap<>();
    for (Row r : EntityReports.gazetteerTable(SparkTestSession.get(), matcher).collectAsList()) {
      assertEquals(null, rows.put(r.getString(0), r), "entity listed twice: " + r);
    }
    assertEquals(entities.size(), rows.size(), "every entity once");
    for (GazetteerEntity e : entities) {
      Row r = rows.get(e.id());
      assertEquals(e.country(), r.getString(1), "country of " + e.id());
      assertEquals(e.wikidataId(), r.getString(2), "Wikidata id of " + e.id());
    }
  }
}
