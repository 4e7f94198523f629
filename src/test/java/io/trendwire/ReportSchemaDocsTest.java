package io.trendwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * docs/reports.md against the report the job writes: every dataset folder of the sample run has a
 * {@code ## `name/`} section whose column table lists exactly the Parquet columns, with their
 * types, and every documented dataset is written. Drift in either direction fails with the
 * difference spelt out.
 */
class ReportSchemaDocsTest {
  private static final Pattern DATASET_HEADING = Pattern.compile("^## `([a-z_]+)/`\\s*$");
  private static final Pattern NAME = Pattern.compile("`([a-z_]+)`");

  /** Dataset → column → documented type, from the markdown. */
  static Map<String, Map<String, String>> documented(List<String> lines) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    String dataset = null;
    boolean inColumnTable = false;
    for (String line : lines) {
      Matcher h = DATASET_HEADING.matcher(line);
      if (h.matches()) {
        dataset = h.group(1);
        out.put(dataset, new LinkedHashMap<>());
        inColumnTable = false;
        continue;
      }
      if (line.startsWith("## ")) {
        dataset = null;
        continue;
      }
      if (dataset == null || !line.startsWith("|")) {
        inColumnTable = false;
        continue;
      }
      List<String> cells = cells(line);
      if (cells.get(0).equals("column")) {
        inColumnTable = cells.size() > 1 && (cells.get(1).startsWith("type") || cells.get(1).startsWith("Spark type"));
        continue;
      }
      if (!inColumnTable || cells.get(0).startsWith("---")) {
        continue;
      }
      String type = cells.get(1).replace("`", "").replaceAll("\\s*\\(.*$", "").trim().toLowerCase();
      Matcher m = NAME.matcher(cells.get(0));
      while (m.find()) {
        out.get(dataset).put(m.group(1), type);
      }
    }
    return out;
  }

  private static List<String> cells(String row) {
    String inner = row.trim().replaceAll("^\\|", "").replaceAll("\\|$", "");
    List<String> cells = new ArrayList<>();
    for (String c : inner.split("(?<!\\\\)\\|", -1)) {
      cells.add(c.trim());
    }
    return cells;
  }

  /** The type as the docs spell it: string, integer, long, double, date, timestamp, array<string>, ... */
  static String docType(DataType t) {
    if (t instanceof ArrayType a) {
      return "array<" + docType(a.elementType()) + ">";
    }
    if (t instanceof MapType m) {
      return "map<" + docType(m.keyType()) + "," + docType(m.valueType()) + ">";
    }
    if (t instanceof StructType s) {
      List<String> fields = new ArrayList<>();
      for (StructField f : s.fields()) {
        fields.add(f.name() + ":" + docType(f.dataType()));
      }
      return "struct<" + String.join(",", fields) + ">";
    }
    return t.typeName();
  }

  /** Differences between documented and written columns of one dataset; empty when they agree. */
  static List<String> drift(String dataset, Map<String, String> docs, StructType written) {
    List<String> problems = new ArrayList<>();
    Map<String, String> actual = new LinkedHashMap<>();
    for (StructField f : written.fields()) {
      actual.put(f.name(), docType(f.dataType()));
    }
    for (String c : actual.keySet()) {
      if (!docs.containsKey(c)) {
        problems.add(dataset + "/" + c + " (" + actual.get(c) + ") is written but not documented in docs/reports.md");
      } else if (!docs.get(c).equals(actual.get(c))) {
        problems.add(dataset + "/" + c + " is documented as '" + docs.get(c) + "' but written as '" + actual.get(c) + "'");
      }
    }
    for (String c : docs.keySet()) {
      if (!actual.containsKey(c)) {
        problems.add(dataset + "/" + c + " is documented in docs/reports.md but not written");
      }
    }
    return problems;
  }

  /** A folder holding Parquet part files (a saved model folder, say, is not a report dataset). */
  private static boolean isParquetDataset(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void docsDescribeEveryDatasetAndColumnTheJobWrites() throws IOException {
    Map<String, Map<String, String>> docs = documented(Files.readAllLines(Paths.get("docs", "reports.md")));
    Path report = ReportRuns.sample();
    TreeSet<String> written = new TreeSet<>();
    try (Stream<Path> children = Files.list(report)) {
      children.filter(ReportSchemaDocsTest::isParquetDataset).map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("_") && !n.startsWith(".")).forEach(written::add);
    }
    List<String> problems = new ArrayList<>();
    for (String dataset : written) {
      if (!docs.containsKey(dataset)) {
        problems.add(dataset + "/ is written but has no '## `" + dataset + "/`' section with a column table in docs/reports.md");
        continue;
      }
      StructType schema = SparkTestSession.get().read().parquet(report.resolve(dataset).toString()).schema();
      problems.addAll(drift(dataset, docs.get(dataset), schema));
    }
    for (String dataset : docs.keySet()) {
      if (!written.contains(dataset)) {
        problems.add(dataset + "/ is documented in docs/reports.md but the sample run (conf/sample.json) does not write it");
      }
    }
    assertTrue(problems.isEmpty(), "docs/reports.md and the written report drift:\n  " + String.join("\n  ", problems));
  }

  @Test
  void driftIsFoundInBothDirectionsAndInTypes() {
    List<String> md = List.of("## `things/`", "", "| column | type | meaning | null when |", "|---|---|---|---|",
        "| `id`, `name` | string | x | never |", "| `count` | long (INT64) | y | never |",
        "| `gone` | double | z | never |", "", "| reason | given when |", "|---|---|", "| `NOT_A_COLUMN` | x |",
        "## `_manifest.json`", "| key | meaning |", "|---|---|", "| `read` | x |");
    Map<String, Map<String, String>> docs = documented(md);
    assertEquals(Map.of("things", Map.of("id", "string", "name", "string", "count", "long", "gone", "double")), docs,
        "only the column table of a dataset section is read");
    StructType written = new StructType().add("id", DataTypes.StringType).add("name", DataTypes.StringType)
        .add("count", DataTypes.IntegerType).add("extra", DataTypes.createArrayType(DataTypes.StringType));
    List<String> problems = drift("things", docs.get("things"), written);
    assertEquals(List.of(
        "things/count is documented as 'long' but written as 'integer'",
        "things/extra (array<string>) is written but not documented in docs/reports.md",
        "things/gone is documented in docs/reports.md but not written"), problems);
  }
}
