package io.trendwire.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Defaults and validation of cooccur, trends and watch. */
class TrendsConfigTest {
  private static TrendWireConfig parse(String extra) {
    return ConfigLoader.parse("{\"input\": {\"paths\": [\"x\"]}" + extra + "}", "test");
  }

  private static void assertInvalid(String extra, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(extra), extra);
    assertTrue(e.getMessage().contains(message), "expected '" + message + "' in: " + e.getMessage());
  }

  @Test
  void defaultsWatchRussiaNorthKorea() {
    TrendWireConfig c = parse("");
    assertEquals(List.of("country:RU", "country:KP"), c.watch().items().get(0).entities(), "the default watch");
    assertEquals("russia-north-korea", c.watch().items().get(0).id());
    assertEquals(20, c.cooccur().topK());
    assertTrue(c.cooccur().rollUp(), "roll-up on for co-occurrence by default");
    assertEquals(6, c.trends().baselinePeriods());
  }

  @Test
  void watchItemsFromTheConfig() {
    TrendWireConfig c = parse(", \"watch\": {\"items\": [{\"id\": \"china\", \"entities\": \"country:CN\"}]}");
    assertEquals(List.of("country:CN"), c.watch().items().get(0).entities(), "a single entity");
    assertTrue(parse(", \"watch\": {\"items\": []}").watch().items().isEmpty(), "an empty list watches nothing");
  }

  @Test
  void invalidFieldsAreNamed() {
    assertInvalid(", \"cooccur\": {\"topK\": 1}", "cooccur.topK: must be between 2 and 200, got 1");
    assertInvalid(", \"cooccur\": {\"minSupport\": 0}", "cooccur.minSupport: must be at least 1");
    assertInvalid(", \"trends\": {\"minHistory\": 9}", "trends.minHistory: must be between 2 and trends.baselinePeriods");
    assertInvalid(", \"trends\": {\"burstScale\": 1}", "trends.burstScale: must be greater than 1");
    assertInvalid(", \"trends\": {\"burstGamma\": 0}", "trends.burstGamma: must be positive");
    assertInvalid(", \"watch\": {\"items\": [{\"id\": \"a\", \"entities\": []}]}",
        "watch.items[0].entities: at least one entity id is required");
    assertInvalid(", \"watch\": {\"items\": [{\"id\": \"a\", \"entities\": [\"x\"]}, {\"id\": \"a\", \"entities\": [\"y\"]}]}",
        "watch.items[1].id: duplicate watch id 'a'");
    assertInvalid(", \"watch\": {\"items\": [{\"entities\": [\"x\"]}]}", "watch.items[0].id: required");
    assertInvalid(", \"cooccur\": {\"topk\": 3}", "unknown field 'cooccur.topk'");
  }
}
