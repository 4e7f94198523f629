package io.trendwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The copy-paste queries of the README's "Queries" section run against the sample report: DuckDB
 * blocks with the venv's duckdb, Spark SQL blocks on the test session. A block that reads a
 * dataset the sample run does not write (yet) is listed as not checked instead of failing.
 */
class ReadmeQueriesTest {
  private static final Pattern BLOCK = Pattern.compile("```sql\\n(-- (DuckDB|Spark SQL): ([^\\n]*)\\n.*?)```", Pattern.DOTALL);
  private static final Pattern DATASET = Pattern.compile("reports/sample/([a-z_]+)");

  private record Query(String engine, String question, String sql) {}

  static List<Query> queries(String readme) {
    int start = readme.indexOf("\n## Queries\n");
    assertTrue(start >= 0, "README.md has a '## Queries' section");
    int end = readme.indexOf("\n## ", start + 5);
    Matcher m = BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
    List<Query> out = new ArrayList<>();
    while (m.find()) {
      out.add(new Query(m.group(2), m.group(3), m.group(1)));
    }
    return out;
  }

  @Test
  void readmeQueriesRunOnTheSampleReport() throws Exception {
    List<Query> all = queries(Files.readString(Paths.get("README.md")));
    Path report = ReportRuns.sample();
    List<Query> duck = new ArrayList<>();
    List<Query> spark = new ArrayList<>();
    List<String> unchecked = new ArrayList<>();
    for (Query q : all) {
      Matcher d = DATASET.matcher(q.sql());
      boolean present = true;
      while (d.find()) {
        present &= Files.isDirectory(report.resolve(d.group(1)));
      }
      Query local = new Query(q.engine(), q.question(), q.sql().replace("reports/sample/", report + "/"));
      if (!present) {
        unchecked.add(q.engine() + ": " + q.question());
      } else {
        (q.engine().equals("DuckDB") ? duck : spark).add(local);
      }
    }
    if (!unchecked.isEmpty()) {
      System.out.println("ReadmeQueriesTest: not checked, the sample report lacks their datasets: " + unchecked);
    }
    assertTrue(!duck.isEmpty() && !spark.isEmpty(), "at least one runnable DuckDB and one Spark SQL query: " + all);

    for (Query q : spark) {
      long rows = SparkTestSession.get().sql(q.sql()).collectAsList().size();
      assertTrue(rows > 0, "Spark SQL '" + q.question() + "' returns rows on the sample report");
    }

    Path python = ExternalTools.python();
    ObjectMapper json = new ObjectMapper();
    ExternalTools.Result r = ExternalTools.run(List.of(python.toString(), "src/test/python/run_duckdb_queries.py"),
        json.writeValueAsString(duck.stream().map(Query::sql).toList()), Duration.ofMinutes(2));
    assertEquals(0, r.code(), "duckdb runner: " + r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(duck.size(), lines.size(), "one result per query: " + r.out());
    for (int i = 0; i < duck.size(); i++) {
      JsonNode result = json.readTree(lines.get(i));
      assertTrue(result.has("rows"), "DuckDB '" + duck.get(i).question() + "' fails: " + result.path("error").asText());
      assertTrue(result.get("rows").asLong() > 0, "DuckDB '" + duck.get(i).question() + "' returns rows");
    }
  }
}
