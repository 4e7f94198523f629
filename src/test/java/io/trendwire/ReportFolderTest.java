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
import java.util.stream.Stream;
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

  /** A file that claims to be Parquet: Spark fails while the ingest stage runs. */
  private Path brokenParquet() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(dir.resolve("part-0.parquet"), "not parquet at all");
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

  @Test
  void existingOutputIsRefusedBeforeAnyWork() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("report"));
    TrendWireConfig c = config("data/sample/articles.jsonl", "jsonl", out, false);
    OutputExistsException e = assertThrows(OutputExistsException.class,
        () -> TrendWireJob.run(SparkTestSession.get(), c));
    assertTrue(e.getMessage().contains("--overwrite"), e.getMessage());
  }
}
