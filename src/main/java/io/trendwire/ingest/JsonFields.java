package io.trendwire.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens a JSON object into string fields; nested objects get dotted names ("meta.date"). */
final class JsonFields {
  private JsonFields() {}

  static Map<String, String> flatten(JsonNode object) {
    Map<String, String> fields = new LinkedHashMap<>();
    flatten("", object, fields);
    return fields;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = node.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
      if (!prefix.isEmpty()) {
        out.put(prefix, node.toString());
      }
    } else if (node.isArray()) {
      // Arrays of strings are usually paragraphs or tags: joined by blank lines they read as text.
      boolean allText = true;
      StringBuilder joined = new StringBuilder();
      for (JsonNode item : node) {
        if (!item.isValueNode()) {
          allText = false;
          break;
        }
        if (joined.length() > 0) {
          joined.append("\n\n");
        }
        joined.append(item.asText());
      }
      out.put(prefix, allText ? joined.toString() : node.toString());
    } else if (!node.isNull() && !node.isMissingNode()) {
      out.put(prefix, node.asText());
    }
  }
}
