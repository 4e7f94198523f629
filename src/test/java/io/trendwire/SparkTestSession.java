package io.trendwire;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assumptions;

/** The one local SparkSession shared by every test of the JVM, and where the shared corpora are. */
public final class SparkTestSession {
  private static SparkSession spark;

  private SparkTestSession() {}

  public static synchronized SparkSession get() {
    if (spark == null) {
      spark = SparkSession.builder()
          .master("local[2]")
          .appName("trendwire-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.default.parallelism", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .getOrCreate();
      spark.sparkContext().setLogLevel("WARN");
    }
    return spark;
  }

  /** The shared corpora folder ({@code ../shared/corpora}). */
  public static Path corpora() {
    return shared().resolve("corpora");
  }

  /**
   * {@code ../shared}. In CI it must exist (the test fails); in a user's clone without it, the
   * calling test is skipped with a message that says so.
   */
  public static Path shared() {
    Path shared = Paths.get(System.getProperty("trendwire.shared", "../shared")).toAbsolutePath().normalize();
    if (!Files.isDirectory(shared)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException("CI run without the shared corpora at " + shared);
      }
      Assumptions.abort("skipped: the shared corpora are not at " + shared + " (only CI and developers have them)");
    }
    return shared;
  }

  /** The repository root (tests run with it as the working directory). */
  public static Path repo() {
    return Paths.get("").toAbsolutePath();
  }
}
