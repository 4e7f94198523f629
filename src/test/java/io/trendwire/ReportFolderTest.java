package io.trendwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.report.OutputExistsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic output: a failed run leaves nothing that looks like a report; overwrite happens only on success. */
class ReportFolderTest {
  @TempDir
  Path tmp;

  private TrendWireConfig config(String input, String format, Path out, boolean overwrite) {
    return ConfigLoader.parse("{\"input\": {\"paths\": [\"" + input + "\"], \"format\": \"" + format + "\"},"
        + " \"output\": {\"path\": \"" + out + "\", \"overwrite\": " + overwrite + "}}", "test");
  }

  /**
   * A Parquet file whose footer is intact but whose data pages are garbage: it passes the footer
   * check (an unreadable footer would only make an UNREADABLE_FILE reject), and Spark fails while
   * reading its rows in the ingest stage.
   */
  private Path brokenParquet() throws IOException {
    Path written = tmp.resolve("written");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 2000; i++) {
      text.append("Mosca e Pyongyang ").append(i).append(' ');
    }
    org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
    spark.createDataFrame(java.util.List.of(org.apache.spark.sql.RowFactory.create("a1", "2024-06-19", text.toString())),
            new org.apache.spark.sql.types.StructType().add("id", "string").add("published", "string").add("text", "string"))
        .coalesce(1).write().option("compression", "none").parquet(written.toString());
    Path part;
    try (Stream<Path> files = Files.list(written)) {
      part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(part);
    java.util.Random random = new java.util.Random(7);
    for (int i = 4; i < bytes.length / 2; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    Path dir = Files.createDirectories(tmp.resolve("broken"));
    Files.write(dir.resolve("part-0.parquet"), bytes);
    return dir;
  }

  private long leftovers() throws IOException {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().contains(".staging-")).count();
    }
  }

  @Test
  void failedRunLeavesNoReportAndNoStaging() throws IOException {
    Path out = tmp.resolve("report");
    TrendWireConfig c = config(brokenParquet().toString(), "parquet", out, false);
    assertThrows(Exception.class, () -> TrendWireJob.run(SparkTestSession.get(), c));
    assertFalse(Files.exists(out), "no report folder after a failed run");
    assertEquals(0, leftovers(), "staging folder removed");
  }

  @Test
  void failedOverwriteKeepsTheOldReport() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("report"));
    Files.writeString(out.resolve("_manifest.json"), "{\"old\": true}");
    TrendWireConfig c = config(brokenParquet().toString(), "parquet", out, true);
    assertThrows(Exception.class, () -> TrendWireJob.run(SparkTestSession.get(), c));
    assertEquals("{\"old\": true}", Files.readString(out.resolve("_manifest.json")), "old report intact");
  }

  @Test
  void successfulOverwriteReplacesTheWholeFolder() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("report"));
    Files.writeString(out.resolve("stale.txt"), "from an earlier run");
    TrendWireJob.run(SparkTestSession.get(), config("data/sample/articles.jsonl", "jsonl", out, true));
    assertTrue(Files.exists(out.resolve("_manifest.json")), "new manifest");
    assertTrue(Files.isDirectory(out.resolve("articles")), "new articles/");
    assertFalse(Files.exists(out.resolve("stale.txt")), "nothing of the old report remains");
    assertEquals(0, leftovers(), "no staging folder left");
  }

  /**
   * Every stage result, cached or checkpointed, is let go once the reports are written: a driver
   * that runs several jobs, or a notebook, must not keep each run's articles in memory.
   */
  @Test
  void aFinishedRunKeepsNoStageResultInMemory() throws IOException {
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    Set<Integer> before = new HashSet<>(sc.getPersistentRDDs().keySet());
    TrendWireJob.run(SparkTestSession.get(), config("data/sample/articles.jsonl", "jsonl", tmp.resolve("report"), false));
    Set<Integer> left = new HashSet<>(sc.getPersistentRDDs().keySet());
    left.removeAll(before);
    assertEquals(Set.of(), left, () -> "RDDs still persisted after the run: " + left.stream()
        .map(id -> sc.getPersistentRDDs().get(id).rdd().toDebugString()).toList());
  }

  @Test
  void existingOutputIsRefusedBeforeAnyWork() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("report"));
    TrendWireConfig c = config("data/sample/articles.jsonl", "jsonl", out, false);
    OutputExistsException e = assertThrows(OutputExistsException.class,
        () -> TrendWireJob.run(SparkTestSession.get(), c));
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
  }
}
