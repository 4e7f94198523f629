package io.trendwire;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 for one test class: one master and one worker (2 cores,
 * 2 GB), started as child processes with {@code bin/spark-class} of a Spark distribution and
 * stopped by their process ids. Logs and the worker's work folder stay under {@code dir}.
 */
final class StandaloneCluster implements AutoCloseable {
  static final int WORKER_CORES = 2;
  private static final Duration GRACE = Duration.ofSeconds(20);

  private final Path dir;
  private final Path masterLog;
  private final Path workerLog;
  private final Path workDir;
  private final Thread shutdownHook;
  private volatile long masterPid = -1;
  private volatile long workerPid = -1;
  private String masterUrl;

  private StandaloneCluster(Path dir) {
    this.dir = dir;
    this.masterLog = dir.resolve("master.log");
    this.workerLog = dir.resolve("worker.log");
    this.workDir = dir.resolve("work");
    // If the test JVM is told to stop before @AfterAll runs, do not leave daemons behind.
    this.shutdownHook = new Thread(this::stopProcesses, "stop-standalone-cluster");
  }

  /** Starts the master, waits until it leads, starts the worker and waits until it registered. */
  static StandaloneCluster start(Path sparkHome, Path dir, Duration timeout) {
    SparkProcesses.deleteRecursively(dir);
    StandaloneCluster cluster = new StandaloneCluster(dir);
    try {
      Files.createDirectories(cluster.workDir);
      Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
      cluster.startProcesses(sparkHome, timeout);
      return cluster;
    } catch (IOException e) {
      cluster.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  private void startProcesses(Path sparkHome, Duration timeout) throws IOException {
    int port = SparkProcesses.freePort();
    String spark = sparkHome.resolve("bin/spark-class").toString();
    ProcessBuilder master = SparkProcesses.builder(sparkHome, dir, masterLog, List.of(spark,
        "org.apache.spark.deploy.master.Master", "--host", SparkProcesses.LOOPBACK, "--port", String.valueOf(port),
        "--webui-port", String.valueOf(SparkProcesses.freePort())));
    // The REST submission server would take the fixed port 6066; nothing here needs it.
    master.environment().put("SPARK_MASTER_OPTS", "-Dspark.master.rest.enabled=false");
    master.environment().put("SPARK_DAEMON_JAVA_OPTS", SparkProcesses.SHORT_RUN_JVM_OPTIONS);
    masterPid = master.start().pid();
    System.out.printf("standalone master: pid %d, spark://%s:%d, log %s%n", masterPid, SparkProcesses.LOOPBACK,
        port, masterLog);
    awaitLog(masterPid, masterLog, "I have been elected leader", timeout);
    masterUrl = "spark://" + SparkProcesses.LOOPBACK + ":" + port;

    ProcessBuilder worker = SparkProcesses.builder(sparkHome, dir, workerLog, List.of(spark,
        "org.apache.spark.deploy.worker.Worker", "--cores", String.valueOf(WORKER_CORES), "--memory", "2g",
        "--host", SparkProcesses.LOOPBACK, "--port", String.valueOf(SparkProcesses.freePort()),
        "--webui-port", String.valueOf(SparkProcesses.freePort()), "--work-dir", workDir.toString(), masterUrl));
    worker.environment().put("SPARK_DAEMON_JAVA_OPTS", SparkProcesses.SHORT_RUN_JVM_OPTIONS);
    workerPid = worker.start().pid();
    System.out.printf("standalone worker: pid %d, 2 cores, log %s%n", workerPid, workerLog);
    awaitLog(workerPid, workerLog, "Successfully registered with master", timeout);
  }

  private static void awaitLog(long pid, Path log, String line, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!SparkProcesses.read(log).contains(line)) {
      if (!alive(pid)) {
        throw new IllegalStateException("process " + pid + " exited before logging '" + line + "'\n"
            + SparkProcesses.tail(log, 60));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no '" + line + "' from process " + pid + " within " + timeout.toSeconds()
            + " s\n" + SparkProcesses.tail(log, 60));
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for '" + line + "'", e);
      }
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  Path masterLog() {
    return masterLog;
  }

  Path workerLog() {
    return workerLog;
  }

  /** Application folders the worker made (one per application that got executors here). */
  List<String> applications() {
    try (Stream<Path> apps = Files.list(workDir)) {
      return apps.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("app-")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Both daemons still running: a dead worker explains a failed cluster submission. */
  String health() {
    return "master pid " + masterPid + (alive(masterPid) ? " alive" : " DEAD") + ", worker pid " + workerPid
        + (alive(workerPid) ? " alive" : " DEAD");
  }

  private static boolean alive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  @Override
  public void close() {
    stopProcesses();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // Already shutting down, or never registered.
    }
  }

  private synchronized void stopProcesses() {
    // Worker first, so its executors go with it and the master does not log a lost worker in vain.
    if (workerPid > 0) {
      SparkProcesses.stop(workerPid, GRACE);
      System.out.println("standalone worker stopped: pid " + workerPid);
      workerPid = -1;
    }
    if (masterPid > 0) {
      SparkProcesses.stop(masterPid, GRACE);
      System.out.println("standalone master stopped: pid " + masterPid);
      masterPid = -1;
    }
  }
}
