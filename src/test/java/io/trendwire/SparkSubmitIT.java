package io.trendwire;

import static io.trendwire.schema.Columns.TOPIC_ID;
import static io.trendwire.schema.Columns.TOPIC_WEIGHTS;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/**
 * The packaged jar under a real {@code spark-submit} (the distribution in
 * {@code TRENDWIRE_SPARK_HOME}, PyPI's pyspark in {@code bin/test}): in local mode and against a
 * standalone cluster on 127.0.0.1 that this class starts and stops, on the sample and KCNA corpora.
 * Every report must hold exactly the articles and rejects of an in-process {@link TrendWireJob#run}
 * on the test session, and keep the manifest's accounting {@code read = accepted + rejected}.
 *
 * <p>Outputs and every child process's log are under {@code target/spark-submit-it/}; a failed
 * submission's assertion message carries the tail of its log.
 */
class SparkSubmitIT {
  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration SUBMIT_TIMEOUT = Duration.ofMinutes(10);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Path sparkHome;
  private static Path jar;
  private static Path base;
  private static StandaloneCluster cluster;
  private static String skipReason;

  @BeforeAll
  static void startCluster() {
    try {
      sparkHome = SparkProcesses.sparkHome();
    } catch (TestAbortedException e) {
      // Aborting here would hide the reason (surefire counts 0 tests); each test reports it instead.
      skipReason = e.getMessage();
      return;
    }
    jar = Paths.get(System.getProperty("trendwire.jar", "target/trendwire.jar")).toAbsolutePath();
    assertTrue(Files.isRegularFile(jar), "no application jar at " + jar + ": run 'mvn verify' (package builds it)");
    base = SparkTestSession.repo().resolve("target/spark-submit-it");
    System.out.println("spark-submit IT: SPARK_HOME " + sparkHome + ", jar " + jar);
    cluster = StandaloneCluster.start(sparkHome, base.resolve("cluster"), START_TIMEOUT);
  }

  @BeforeEach
  void skipWithoutSpark() {
    if (skipReason != null) {
      Assumptions.abort(skipReason);
    }
  }

  @AfterAll
  static void stopCluster() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void sampleCorpusGivesTheSameReportInProcessInLocalModeAndOnTheCluster() throws Exception {
    // conf/sample.json as users run it: its input path is relative to the repository root.
    compareRuns("sample", "conf/sample.json", List.of());
  }

  @Test
  void kcnaCorpusGivesTheSameReportInProcessInLocalModeAndOnTheCluster() throws Exception {
    Path kcna = SparkTestSession.corpora().resolve("kcna_stiles/data");
    compareRuns("kcna", "conf/kcna.json", List.of(kcna.toString()));
  }

  @Test
  void errorsReachTheShellAsExitCodes() throws Exception {
    Path dir = base.resolve("exit-codes");
    SparkProcesses.deleteRecursively(dir);
    Files.createDirectories(dir.resolve("existing-output"));

    Submission noConfig = Submission.start("exit-codes", "missing-config", "local[1]", "conf/no-such-config.json",
        List.of(), dir, List.of());
    Submission noInput = Submission.start("exit-codes", "missing-input", "local[1]", "conf/sample.json",
        List.of(dir.resolve("no-such-input").toString()), dir, List.of());
    Submission outputExists = Submission.start("exit-codes", "existing-output", "local[1]", "conf/sample.json",
        List.of(), dir, List.of());
    try {
      noConfig.assertExit(TrendWireJob.EXIT_USAGE, "trendwire: error: config file not found");
      noInput.assertExit(TrendWireJob.EXIT_INPUT_NOT_FOUND, "trendwire: error: input not found");
      outputExists.assertExit(TrendWireJob.EXIT_OUTPUT_EXISTS, "trendwire: error: output exists");
    } finally {
      noConfig.stopIfRunning();
      noInput.stopIfRunning();
      outputExists.stopIfRunning();
    }
  }

  private void compareRuns(String corpus, String configFile, List<String> inputs) throws Exception {
    Path dir = base.resolve(corpus);
    SparkProcesses.deleteRecursively(dir);
    Files.createDirectories(dir);

    TrendWireConfig config = ConfigLoader.load(SparkTestSession.repo().resolve(configFile));
    if (!inputs.isEmpty()) {
      config = config.withInputPaths(inputs);
    }
    Path inProcess = dir.resolve("in-process");
    config = config.withOutput(config.output().withPath(inProcess.toString()));

    // The three runs overlap: on 2 cores much of a short Spark run is JVM start-up, executor
    // launch and scheduling latency, which another run's work can fill.
    List<String> appsBefore = cluster.applications();
    Submission local = Submission.start(corpus, "local", "local[2]", configFile, inputs, dir, List.of());
    Submission onCluster = null;
    Path localReport;
    Path clusterReport;
    try {
      onCluster = Submission.start(corpus, "cluster", cluster.masterUrl(), configFile, inputs, dir,
          List.of("--executor-memory", "1g", "--total-executor-cores", String.valueOf(StandaloneCluster.WORKER_CORES)));
      long t = System.nanoTime();
      RunSummary summary = TrendWireJob.run(SparkTestSession.get(), config);
      System.out.printf("%s in-process: %s in %d s%n", corpus, summary, seconds(t));
      assertEquals(summary.read() - summary.rejected(), summary.accepted(), corpus + ": in-process RunSummary");
      localReport = local.await();
      clusterReport = onCluster.await();
    } finally {
      local.stopIfRunning();
      if (onCluster != null) {
        onCluster.stopIfRunning();
      }
    }
    List<String> newApps = new ArrayList<>(cluster.applications());
    newApps.removeAll(appsBefore);
    assertEquals(1, newApps.size(), () -> corpus + ": the cluster run should have had executors on the worker"
        + " (one new application folder), got " + newApps + "\n" + SparkProcesses.tail(cluster.workerLog(), 40));

    Map<String, Long> expected = accounting(corpus + " in-process", inProcess);
    assertEquals(expected, accounting(corpus + " spark-submit local[2]", localReport),
        corpus + ": spark-submit local[2] counted differently from the in-process run");
    assertEquals(expected, accounting(corpus + " spark-submit standalone", clusterReport),
        corpus + ": spark-submit on the standalone cluster counted differently from the in-process run");

    SparkSession spark = SparkTestSession.get();
    Dataset<Row> articles = spark.read().parquet(inProcess.resolve("articles").toString());
    assertEquals(expected.get("accepted"), articles.count(), corpus + ": articles/ rows != manifest 'accepted'");
    Dataset<Row> rejects = spark.read().parquet(inProcess.resolve("rejects").toString());
    assertEquals(expected.get("rejected"), rejects.count(), corpus + ": rejects/ rows != manifest 'rejected'");
    for (Map.Entry<String, Path> run : Map.of("spark-submit local[2]", localReport, "spark-submit standalone", clusterReport)
        .entrySet()) {
      Dataset<Row> submitted = spark.read().parquet(run.getValue().resolve("articles").toString());
      // Every column but the topic ones must be equal. LDA sums its statistics across executors,
      // in another order on a cluster than in one JVM, so topic_weights differ in the last bits
      // and the online optimizer carries that on (repeatability with a fixed seed is tested in
      // one JVM, TopicModelerTest); here both runs must give the same articles a topic.
      assertEquals(articles.filter(col(TOPIC_ID).isNotNull()).count(), submitted.filter(col(TOPIC_ID).isNotNull()).count(),
          corpus + ": articles with a topic, in-process vs " + run.getKey());
      assertSameRows(corpus + " articles/ (topic columns aside), in-process vs " + run.getKey(),
          articles.drop(TOPIC_ID, TOPIC_WEIGHTS), submitted.drop(TOPIC_ID, TOPIC_WEIGHTS));
      assertSameRows(corpus + " rejects/, in-process vs " + run.getKey(), rejects,
          spark.read().parquet(run.getValue().resolve("rejects").toString()));
    }
  }

  /**
   * The jar under {@code spark-submit}, started from the repository root (where the config's
   * relative paths point) with its output in {@code <dir>/<mode>.log}.
   */
  private record Submission(String corpus, String master, List<String> command, Path output, Path log,
      Process process, long startNanos) {

    static Submission start(String corpus, String mode, String master, String configFile, List<String> inputs,
        Path dir, List<String> extra) throws IOException {
      Path output = dir.resolve(mode);
      Path log = dir.resolve(mode + ".log");
      List<String> command = new ArrayList<>(List.of(sparkHome.resolve("bin/spark-submit").toString(),
          "--class", "io.trendwire.TrendWireJob",
          "--master", master,
          "--name", "trendwire-it-" + corpus + "-" + mode,
          "--driver-memory", "1g",
          // C1 only: these runs last seconds, and C2 compiling would double their CPU time on 2 cores.
          // JIT tiers change speed, never results.
          "--driver-java-options", SparkProcesses.SHORT_RUN_JVM_OPTIONS,
          "--conf", "spark.executor.extraJavaOptions=" + SparkProcesses.SHORT_RUN_JVM_OPTIONS,
          "--conf", "spark.driver.host=" + SparkProcesses.LOOPBACK,
          "--conf", "spark.driver.bindAddress=" + SparkProcesses.LOOPBACK,
          "--conf", "spark.ui.enabled=false",
          "--conf", "spark.sql.shuffle.partitions=8"));
      command.addAll(extra);
      command.add(jar.toString());
      command.addAll(List.of("--config", configFile));
      for (String input : inputs) {
        command.addAll(List.of("--input", input));
      }
      command.addAll(List.of("--output", output.toString(), "--verbose"));
      Process process = SparkProcesses.builder(sparkHome, SparkTestSession.repo(), log, command).start();
      System.out.printf("%s spark-submit --master %s: pid %d, log %s%n", corpus, master, process.pid(), log);
      return new Submission(corpus, master, command, output, log, process, System.nanoTime());
    }

    /** Waits for the exit (stopping the process after the timeout) and returns its code. */
    int exitCode() throws InterruptedException {
      long left = SUBMIT_TIMEOUT.toNanos() - (System.nanoTime() - startNanos);
      if (!process.waitFor(Math.max(left, 0), TimeUnit.NANOSECONDS)) {
        stopIfRunning();
        fail(corpus + ": spark-submit --master " + master + " (pid " + process.pid() + ") did not finish within "
            + SUBMIT_TIMEOUT.toMinutes() + " min; stopped it. " + cluster.health() + "\n"
            + SparkProcesses.tail(log, 80));
      }
      int code = process.exitValue();
      System.out.printf("%s spark-submit --master %s: exit %d after %d s%n", corpus, master, code, seconds(startNanos));
      return code;
    }

    void assertExit(int expected, String logLine) throws InterruptedException {
      int code = exitCode();
      String context = "\ncommand: " + String.join(" ", command) + "\n" + SparkProcesses.tail(log, 80);
      if (code != expected) {
        fail(corpus + ": spark-submit --master " + master + " exited with " + code + ", expected " + expected + " ("
            + cluster.health() + ")" + context);
      }
      assertTrue(SparkProcesses.read(log).contains(logLine), () -> "no '" + logLine + "' in " + log + context);
    }

    /** Waits for the exit and returns the report folder; fails with the log's tail unless it exited 0. */
    Path await() throws InterruptedException {
      int code = exitCode();
      if (code != 0) {
        String message = corpus + ": spark-submit --master " + master + " exited with " + code + " ("
            + cluster.health() + ")\ncommand: " + String.join(" ", command) + "\n" + SparkProcesses.tail(log, 80);
        System.err.println(message);
        fail(message);
      }
      // A full code cache fails the run only when some later call needs a new adapter: flaky.
      // Whether it filled is not: checked on every run.
      assertFalse(SparkProcesses.read(log).contains("CodeCache is full"), () -> corpus + ": spark-submit --master "
          + master + " filled the JVM's code cache (see SparkProcesses.SHORT_RUN_JVM_OPTIONS)\n"
          + SparkProcesses.tail(log, 20));
      assertTrue(Files.isRegularFile(output.resolve("_manifest.json")),
          () -> corpus + ": spark-submit exited 0 but wrote no " + output.resolve("_manifest.json") + "\n"
              + SparkProcesses.tail(log, 40));
      return output;
    }

    void stopIfRunning() {
      if (process.isAlive()) {
        SparkProcesses.stop(process.pid(), Duration.ofSeconds(10));
      }
    }
  }

  /** The manifest's record accounting, checked: {@code read = accepted + rejected}. */
  private static Map<String, Long> accounting(String run, Path report) throws IOException {
    JsonNode counts = JSON.readTree(report.resolve("_manifest.json").toFile()).path("counts");
    Map<String, Long> m = new LinkedHashMap<>();
    for (String key : List.of("read", "accepted", "rejected", "duplicates", "originals")) {
      JsonNode n = counts.path(key);
      assertTrue(n.isIntegralNumber(), () -> run + ": _manifest.json has no integer counts." + key + ": " + counts);
      m.put(key, n.asLong());
    }
    assertTrue(m.get("read") > 0, run + ": read nothing: " + counts);
    assertEquals(m.get("read"), m.get("accepted") + m.get("rejected"),
        () -> run + ": read != accepted + rejected in " + report.resolve("_manifest.json") + ": " + counts);
    return m;
  }

  /** Equal as multisets of rows over all columns, with the same schema. */
  private static void assertSameRows(String what, Dataset<Row> expected, Dataset<Row> actual) {
    assertEquals(expected.schema().treeString(), actual.schema().treeString(), what + ": schemas differ");
    long expectedRows = expected.count();
    long actualRows = actual.count();
    Dataset<Row> missing = expected.exceptAll(actual);
    Dataset<Row> extra = actual.exceptAll(expected);
    long missingRows = missing.count();
    long extraRows = extra.count();
    if (expectedRows != actualRows || missingRows > 0 || extraRows > 0) {
      fail(what + ": " + expectedRows + " vs " + actualRows + " rows; " + missingRows + " only in-process, "
          + extraRows + " only in the submitted run.\nonly in-process, e.g.:\n" + sample(missing)
          + "\nonly in the submitted run, e.g.:\n" + sample(extra));
    }
  }

  private static String sample(Dataset<Row> rows) {
    return rows.limit(3).collectAsList().stream().map(r -> "  " + r.mkString(" | ")).collect(Collectors.joining("\n"));
  }

  private static long seconds(long startNanos) {
    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
  }
}
