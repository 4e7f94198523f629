package io.trendwire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Child processes of the integration tests: a real Spark distribution (PyPI's pyspark folder,
 * named by {@code TRENDWIRE_SPARK_HOME}), loopback-only environments, free ports, stopping by
 * process id, and log tails for failure messages.
 */
final class SparkProcesses {
  static final String SPARK_HOME_VARIABLE = "TRENDWIRE_SPARK_HOME";
  static final String LOOPBACK = "127.0.0.1";
  /**
   * For JVMs that live seconds to a minute: C1 only halves their CPU time (measured: 58 s to 30 s).
   * C1 alone shrinks the JVM's default code cache from 240 MB to 48 MB, which a KCNA run outgrows
   * (57.6 MB of compiled code at its end, with Spark's generated classes): once full, the JVM
   * cannot make the next call adapter and a task dies with "Out of space in CodeCache for
   * adapters", which Spark treats as fatal (exit 50). Hence the full-size code cache.
   */
  static final String SHORT_RUN_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=240m";

  private static final int FIRST_ERROR_LINES = 30;

  private SparkProcesses() {}

  /**
   * The Spark distribution to submit with. Unset: CI fails, a developer's run is skipped with
   * instructions. Set but wrong: always a failure, since someone meant it.
   */
  static Path sparkHome() {
    String value = System.getenv(SPARK_HOME_VARIABLE);
    if (value == null || value.isBlank()) {
      String how = SPARK_HOME_VARIABLE + " is not set; run bin/test (it installs pyspark==4.2.0 into .venv and"
          + " sets it), or set it to a Spark 4 distribution, e.g. the folder printed by"
          + " python -c 'import pyspark,os;print(os.path.dirname(pyspark.__file__))'";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI run without a Spark distribution: " + how);
      }
      Assumptions.abort("skipped: " + how);
    }
    Path home = Paths.get(value).toAbsolutePath().normalize();
    Path submit = home.resolve("bin/spark-submit");
    if (!Files.isExecutable(submit) || !Files.isExecutable(home.resolve("bin/spark-class"))) {
      throw new IllegalStateException(SPARK_HOME_VARIABLE + "=" + home
          + " has no executable bin/spark-submit and bin/spark-class");
    }
    String major = org.apache.spark.package$.MODULE$.SPARK_VERSION().split("\\.")[0];
    try (Stream<Path> jars = Files.list(home.resolve("jars"))) {
      if (jars.noneMatch(j -> j.getFileName().toString().matches("spark-core_2\\.13-" + major + "\\..*\\.jar"))) {
        throw new IllegalStateException(SPARK_HOME_VARIABLE + "=" + home + " holds no spark-core_2.13-" + major
            + ".x jar in jars/ (the job is built against Spark "
            + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ")");
      }
    } catch (IOException e) {
      throw new IllegalStateException(SPARK_HOME_VARIABLE + "=" + home + " has no readable jars/ folder", e);
    }
    return home;
  }

  /**
   * A process builder for a Spark script: this JVM's JDK, the given distribution, loopback only
   * (without SPARK_LOCAL_IP Spark binds the first non-loopback interface), and none of the
   * developer's own Spark or Hadoop configuration.
   */
  static ProcessBuilder builder(Path sparkHome, Path workingDir, Path log, List<String> command) {
    ProcessBuilder pb = new ProcessBuilder(command)
        .directory(workingDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    for (String leak : List.of("SPARK_CONF_DIR", "HADOOP_CONF_DIR", "YARN_CONF_DIR", "SPARK_MASTER_HOST",
        "SPARK_LOCAL_HOSTNAME", "SPARK_PUBLIC_DNS", "MASTER", "SPARK_SUBMIT_OPTS", "SPARK_DIST_CLASSPATH")) {
      env.remove(leak);
    }
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", LOOPBACK);
    // A zone far from UTC for every Spark JVM: reports are cut in the config's zone (UTC), so
    // the machine's default zone must not change a single row.
    env.put("TZ", "Asia/Pyongyang");
    return pb;
  }

  /** A port free on the loopback address right now (the process that binds it follows soon). */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Stops a process and everything it started (a worker's executors) by process id: SIGTERM
   * first so shutdown hooks run, then SIGKILL for what is left after the grace period.
   */
  static void stop(long pid, Duration grace) {
    ProcessHandle.of(pid).ifPresent(root -> {
      List<ProcessHandle> all = new ArrayList<>(root.descendants().toList());
      all.add(0, root);
      all.forEach(ProcessHandle::destroy);
      long deadline = System.nanoTime() + grace.toNanos();
      for (ProcessHandle h : all) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          try {
            h.onExit().get(left, TimeUnit.NANOSECONDS);
          } catch (Exception e) {
            // Still alive (or interrupted): the forcible pass below handles it.
          }
        }
      }
      all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    });
  }

  /**
   * The last lines of a log, for assertion messages that make a CI failure diagnosable, after the
   * first error or JVM warning when that came before them: the cause is often far above the tail
   * (a task's fatal error, then pages of the driver's stack traces as the context stops).
   */
  static String tail(Path log, int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no log at " + log + ")";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
      int from = Math.max(0, all.size() - lines);
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < from; i++) {
        String line = all.get(i);
        if (line.contains(" ERROR ") || line.contains("VM warning")) {
          List<String> first = all.subList(i, Math.min(from, i + FIRST_ERROR_LINES));
          out.append("---- first error, line ").append(i + 1).append(" of ").append(log).append(" ----\n")
              .append(String.join("\n", first)).append('\n');
          break;
        }
      }
      List<String> last = all.subList(from, all.size());
      return out.append("---- last ").append(last.size()).append(" lines of ").append(log).append(" ----\n")
          .append(String.join("\n", last)).append("\n---- end of ").append(log.getFileName()).append(" ----")
          .toString();
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
