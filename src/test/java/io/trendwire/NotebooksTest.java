package io.trendwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * notebooks/: stored without outputs, each with a papermill parameters cell defining report_dir,
 * and every notebook runs without a cell error against the sample run's report (executed by the
 * venv's Python with nbclient; the executed copies, outputs included, go to target/notebooks/).
 */
class NotebooksTest {
  private static final Path NOTEBOOKS = Paths.get("notebooks");

  private static List<Path> notebooks() throws IOException {
    try (Stream<Path> files = Files.list(NOTEBOOKS)) {
      return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
  }

  @Test
  void notebooksAreStoredStrippedWithAReportDirParameter() throws IOException {
    List<Path> notebooks = notebooks();
    assertTrue(notebooks.size() >= 3, "at least three notebooks in notebooks/: " + notebooks);
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    for (Path nb : notebooks) {
      JsonNode root = json.readTree(nb.toFile());
      boolean parameters = false;
      for (JsonNode cell : root.get("cells")) {
        if (!"code".equals(cell.path("cell_type").asText())) {
          continue;
        }
        if (cell.path("outputs").size() > 0 || !cell.path("execution_count").isNull()) {
          problems.add(nb.getFileName() + ": a code cell has outputs or an execution count (strip them: "
              + "jupyter nbconvert --clear-output --inplace " + nb + ")");
        }
        boolean tagged = false;
        for (JsonNode tag : cell.path("metadata").path("tags")) {
          tagged |= "parameters".equals(tag.asText());
        }
        JsonNode src = cell.path("source");
        String source = src.isArray() ? String.join("", json.convertValue(src, String[].class)) : src.asText();
        parameters |= tagged && java.util.regex.Pattern.compile("(?m)^report_dir\\s*=").matcher(source).find();
      }
      if (!parameters) {
        problems.add(nb.getFileName() + ": no code cell tagged 'parameters' that sets report_dir");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void everyNotebookRunsOnTheSampleReport() throws Exception {
    Path python = ExternalTools.python();
    Path report = ReportRuns.sample();
    Path out = Paths.get("target", "notebooks").toAbsolutePath();
    List<String> command = new ArrayList<>(List.of(python.toString(), "src/test/python/run_notebooks.py",
        report.toString(), out.toString()));
    notebooks().forEach(p -> command.add(p.toString()));
    ExternalTools.Result r = ExternalTools.run(command, null, Duration.ofMinutes(8));
    assertEquals(0, r.code(), "notebook errors (executed copies in " + out + "):\n" + r.out() + "\n" + tail(r.err()));
  }

  private static String tail(String s) {
    return s.length() > 4000 ? "…" + s.substring(s.length() - 4000) : s;
  }
}
