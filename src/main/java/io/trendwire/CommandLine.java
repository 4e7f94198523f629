package io.trendwire;

import io.trendwire.config.SparkConfig;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** What TrendWire's commands (the job, the gazetteer builder) share: the session and error lines. */
public final class CommandLine {
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_INPUT_NOT_FOUND = 3;
  public static final int EXIT_OUTPUT_EXISTS = 4;

  private CommandLine() {}

  /** A command line that cannot be run (exit code 2). */
  public static final class UsageException extends RuntimeException {
    public UsageException(String message) {
      super(message);
    }
  }

  /** The value after an option, or a usage error when it is missing. */
  public static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(i);
  }

  /**
   * The session: spark-submit's master and settings win; otherwise the config's (local mode on
   * all cores by default). Periods are cut in {@code timeZone}.
   */
  public static SparkSession session(String appName, SparkConfig spark, String timeZone) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (!conf.contains("spark.master")) {
      conf.setMaster(spark.master());
    }
    spark.conf().forEach((k, v) -> {
      if (!conf.contains(k)) {
        conf.set(k, v);
      }
    });
    conf.set("spark.sql.session.timeZone", timeZone);
    if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's 200 shuffle partitions are meant for clusters; on one machine they are mostly
      // scheduling overhead. Four per core keeps tasks small enough for skew.
      int cores = Runtime.getRuntime().availableProcessors();
      conf.set("spark.sql.shuffle.partitions", String.valueOf(4 * cores));
    }
    if (!conf.contains("spark.sql.maxPlanStringLength")) {
      // AQE renders the whole plan as text at every re-plan, for the UI and the log; the
      // co-occurrence plans are deep enough that this text alone exhausted a 1 GB driver
      // (OutOfMemoryError in QueryExecution.explainString). The cap shortens only that text.
      conf.set("spark.sql.maxPlanStringLength", "200000");
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  /** One line on stderr ("program: error: ..."), the stack trace only when verbose; returns the code. */
  public static int fail(PrintStream err, String program, Throwable e, int code, boolean verbose) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (code == EXIT_FAILURE) {
      message = e.getClass().getSimpleName() + ": " + message;
    }
    err.println(program + ": error: " + message.lines().findFirst().orElse(""));
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }
}
