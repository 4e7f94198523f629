package io.trendwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: exit codes and one-line errors, without a stack trace unless --verbose. */
class TrendWireJobTest {
  @TempDir
  Path tmp;

  private record Outcome(int code, String out, String err) {}

  private Outcome execute(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = TrendWireJob.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), SparkTestSession.get());
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path config(String json) throws IOException {
    Path file = tmp.resolve("config.json");
    Files.writeString(file, json);
    return file;
  }

  private static void assertOneLineError(Outcome o, int code, String expected) {
    assertEquals(code, o.code(), "exit code; stderr was: " + o.err());
    assertEquals(1, o.err().lines().count(), "exactly one line on stderr, got: " + o.err());
    assertTrue(o.err().startsWith("trendwire: error: "), "error prefix: " + o.err());
    assertTrue(o.err().contains(expected), "stderr should mention '" + expected + "': " + o.err());
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    Outcome o = execute("--help");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("--config FILE"), o.out());
    assertTrue(o.out().contains("--overwrite"), o.out());
  }

  @Test
  void missingConfigOptionIsAUsageError() {
    assertOneLineError(execute("--output", "x"), 2, "--config FILE is required");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertOneLineError(execute("--config", "c.json", "--frobnicate"), 2, "unknown option '--frobnicate'");
  }

  @Test
  void configFileNotFound() {
    assertOneLineError(execute("--config", tmp.resolve("nope.json").toString()), 2, "config file not found");
  }

  @Test
  void invalidJsonConfigNamesLineAndColumn() throws IOException {
    Path c = config("{\"input\": {\"paths\": [\"x\"],}\n");
    assertOneLineError(execute("--config", c.toString()), 2, "not valid JSON at line 1");
  }

  @Test
  void unknownFieldIsNamed() throws IOException {
    Path c = config("{\"input\": {\"paths\": [\"x\"], \"fromat\": \"jsonl\"}}");
    assertOneLineError(execute("--config", c.toString()), 2, "unknown field 'input.fromat'");
  }

  @Test
  void badPeriodOverrideIsAUsageError() throws IOException {
    Path c = config("{\"input\": {\"paths\": [\"data/sample\"]}}");
    assertOneLineError(execute("--config", c.toString(), "--period", "fortnight"), 2, "unknown period 'fortnight'");
  }

  @Test
  void missingInputExitsWithThree() throws IOException {
    Path c = config("{\"input\": {\"paths\": [\"" + tmp.resolve("absent") + "\"]}, \"output\": {\"path\": \""
        + tmp.resolve("out") + "\"}}");
    assertOneLineError(execute("--config", c.toString()), 3, "input not found");
    assertFalse(Files.exists(tmp.resolve("out")), "nothing written for a refused run");
  }

  @Test
  void existingOutputExitsWithFourAndIsKept() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("out"));
    Files.writeString(out.resolve("keep.txt"), "earlier report");
    Path c = config("{\"input\": {\"paths\": [\"data/sample\"], \"fileGlob\": \"*.jsonl\"}, \"output\": {\"path\": \""
        + out + "\"}}");
    assertOneLineError(execute("--config", c.toString()), 4, "output exists");
    assertTrue(Files.exists(out.resolve("keep.txt")), "the existing report is untouched");
  }

  @Test
  void verbosePrintsTheStackTrace() throws IOException {
    Path c = config("{\"input\": {\"paths\": [\"" + tmp.resolve("absent") + "\"]}}");
    Outcome o = execute("--config", c.toString(), "--verbose");
    assertEquals(3, o.code());
    assertTrue(o.err().lines().count() > 1 && o.err().contains("\tat io.trendwire"), "stack trace: " + o.err());
  }

  @Test
  void overridesReplaceConfigValues() throws IOException {
    Path out = tmp.resolve("report");
    Path c = config("{\"input\": {\"paths\": [\"does-not-matter\"], \"fileGlob\": \"*.jsonl\"}, \"period\": \"day\"}");
    Outcome o = execute("--config", c.toString(), "--input", "data/sample/articles.jsonl", "--output",
        out.toString(), "--period", "week");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("Report written to"), o.out());
    assertTrue(Files.exists(out.resolve("_manifest.json")), "manifest written");
    String manifest = Files.readString(out.resolve("_manifest.json"));
    assertTrue(manifest.contains("\"period\" : \"week\""), "period override in the resolved config: " + manifest);
  }
}
