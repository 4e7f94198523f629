package io.trendwire.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Fails on ed5fbba: see the report. */
class ConfigLoaderRegressionTest {
  @Test
  void syntaxErrorInsideANestedValueReportsLineAndColumn() {
    // Today: "t.json: invalid value for 'input.paths[1]': Unexpected character (']' ...)" with no position.
    ConfigException e = assertThrows(ConfigException.class,
        () -> ConfigLoader.parse("{\n  \"input\": {\n    \"paths\": [\"x\",]\n  }\n}", "t.json"));
    assertTrue(e.getMessage().contains("not valid JSON at line 3, column"), e.getMessage());
  }
}
