package io.trendwire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkProcessesTest {

  @Test
  void aLogTailAlsoShowsTheFirstErrorWhenItCameEarlier(@TempDir Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      lines.add(i == 50 ? "26/11/28 20:26:09 ERROR SparkUncaughtExceptionHandler: the cause" : "INFO line " + i);
    }
    Path log = Files.write(dir.resolve("run.log"), lines);

    String tail = SparkProcesses.tail(log, 10);

    assertTrue(tail.contains("---- first error, line 51 of"), tail);
    assertTrue(tail.contains("ERROR SparkUncaughtExceptionHandler: the cause\nINFO line 51\n"), tail);
    assertTrue(tail.contains("---- last 10 lines of"), tail);
    assertTrue(tail.endsWith("INFO line 199\n---- end of run.log ----"), tail);
    assertEquals(1 + 30 + 1 + 10 + 1, tail.split("\n").length, "30 lines from the first error, then the tail");
  }

  @Test
  void anErrorInsideTheTailIsShownOnce(@TempDir Path dir) throws Exception {
    Path log = Files.write(dir.resolve("run.log"), List.of("INFO a", "ERROR-free", "x ERROR y", "INFO b"));

    String tail = SparkProcesses.tail(log, 3);

    assertFalse(tail.contains("first error"), tail);
    assertTrue(tail.startsWith("---- last 3 lines of"), tail);
  }
}
