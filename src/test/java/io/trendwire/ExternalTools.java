package io.trendwire;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Programs outside the JVM that report tests use: the test virtualenv's Python (notebooks, DuckDB)
 * and headless Chromium (report.html). Missing on a developer's machine: the test is skipped with
 * a message saying how to get it. Missing under CI=true: the test fails, since CI must run it.
 */
public final class ExternalTools {
  public static final String PYTHON_VARIABLE = "TRENDWIRE_PYTHON";
  public static final String CHROMIUM_VARIABLE = "TRENDWIRE_CHROMIUM";

  private ExternalTools() {}

  /** The venv's python that bin/test exports as TRENDWIRE_PYTHON (with notebooks/requirements.txt installed). */
  public static Path python() {
    String value = System.getenv(PYTHON_VARIABLE);
    Path venv = Paths.get(".venv", "bin", "python").toAbsolutePath();
    if ((value == null || value.isBlank()) && Files.isExecutable(venv)) {
      value = venv.toString();
    }
    if (value == null || value.isBlank() || !Files.isExecutable(Paths.get(value))) {
      unavailable(PYTHON_VARIABLE + " is not set and .venv/bin/python is missing; run bin/test (it makes .venv with"
          + " src/test/python/requirements.txt and notebooks/requirements.txt and exports " + PYTHON_VARIABLE + ")");
    }
    return Paths.get(value);
  }

  /** Chromium: TRENDWIRE_CHROMIUM, else chromium or chromium-browser on the PATH (Debian package chromium). */
  public static Path chromium() {
    String value = System.getenv(CHROMIUM_VARIABLE);
    if (value != null && !value.isBlank()) {
      return Paths.get(value);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Paths.get(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    unavailable("no chromium on the PATH; install Debian's chromium package (apt-get install chromium) or set "
        + CHROMIUM_VARIABLE);
    return null;
  }

  private static void unavailable(String why) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new IllegalStateException("CI run without a required tool: " + why);
    }
    Assumptions.abort("skipped: " + why);
  }

  /** Output and exit code of a finished process. */
  public record Result(int code, String out, String err) {}

  /** Runs a command in the repository root, with stdin from {@code input} (may be null). */
  public static Result run(List<String> command, String input, Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("trendwire-tool", ".out");
    Path err = Files.createTempFile("trendwire-tool", ".err");
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try (var stdin = p.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException(command.get(0) + " did not finish in " + timeout + "; stderr:\n"
            + new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
      }
      return new Result(p.exitValue(), new String(Files.readAllBytes(out), StandardCharsets.UTF_8),
          new String(Files.readAllBytes(err), StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
