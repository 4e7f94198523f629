package io.trendwire;

import io.trendwire.config.ConfigException;
import io.trendwire.config.ConfigLoader;
import io.trendwire.config.Period;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.ingest.IngestIO;
import io.trendwire.ingest.InputNotFoundException;
import io.trendwire.report.OutputExistsException;
import io.trendwire.report.ReportFolder;
import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point for {@code spark-submit} and {@code bin/trendwire}: parses the arguments, loads and
 * validates the config, builds the SparkSession and calls {@link #run}. User errors end with one
 * line on stderr and a non-zero exit code; a stack trace only with {@code --verbose}.
 */
public final class TrendWireJob {
  static final int EXIT_FAILURE = 1;
  static final int EXIT_USAGE = 2;
  static final int EXIT_INPUT_NOT_FOUND = 3;
  static final int EXIT_OUTPUT_EXISTS = 4;

  private TrendWireJob() {}

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Runs the job on the given SparkSession and returns what it wrote. */
  public static RunSummary run(SparkSession spark, TrendWireConfig config) {
    return new Pipeline(spark, config).run();
  }

  /** The whole command: returns the exit code instead of exiting, so tests can call it. */
  static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, null);
  }

  /**
   * As {@link #execute(String[], PrintStream, PrintStream)}, on {@code given} if not null (which
   * is then left running) or else on a session built from the config and stopped at the end.
   */
  static int execute(String[] args, PrintStream out, PrintStream err, SparkSession given) {
    boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    try {
      JobArguments a = JobArguments.parse(args);
      if (a.help()) {
        out.print(JobArguments.USAGE);
        return 0;
      }
      TrendWireConfig config = withOverrides(ConfigLoader.load(Paths.get(a.config())), a);
      // Refuse a missing input or an existing output before paying for a Spark session.
      Configuration hadoop = given != null ? given.sparkContext().hadoopConfiguration() : new Configuration();
      IngestIO.listFiles(config.input(), hadoop);
      ReportFolder.open(config.output().path(), config.output().overwrite(), hadoop).close();
      SparkSession spark = given != null ? given : session(config);
      try {
        RunSummary summary = run(spark, config);
        out.println("Report written to " + summary.output());
        out.printf("  read %d, accepted %d (%d duplicates), rejected %d%n", summary.read(), summary.accepted(),
            summary.duplicates(), summary.rejected());
        return 0;
      } finally {
        if (given == null) {
          spark.stop();
        }
      }
    } catch (JobArguments.UsageException | ConfigException e) {
      return fail(err, e, EXIT_USAGE, verbose);
    } catch (InputNotFoundException e) {
      return fail(err, e, EXIT_INPUT_NOT_FOUND, verbose);
    } catch (OutputExistsException e) {
      return fail(err, e, EXIT_OUTPUT_EXISTS, verbose);
    } catch (Exception e) {
      // Spark throws checked SparkExceptions through Scala code; they are failures like any other.
      return fail(err, e, EXIT_FAILURE, verbose);
    }
  }

  static TrendWireConfig withOverrides(TrendWireConfig config, JobArguments a) {
    TrendWireConfig c = config;
    if (!a.inputs().isEmpty()) {
      c = c.withInputPaths(a.inputs());
    }
    if (a.output() != null) {
      c = c.withOutput(c.output().withPath(a.output()));
    }
    if (a.overwrite()) {
      c = c.withOutput(c.output().withOverwrite(true));
    }
    if (a.period() != null) {
      try {
        c = c.withPeriod(Period.parse(a.period()));
      } catch (IllegalArgumentException e) {
        throw new JobArguments.UsageException("--period: " + e.getMessage());
      }
    }
    ConfigLoader.validate(c, a.config());
    return c;
  }

  /**
   * The session: spark-submit's master and settings win; otherwise the config's (local mode on
   * all cores by default). Periods are cut in the report's time zone.
   */
  static SparkSession session(TrendWireConfig config) {
    SparkConf conf = new SparkConf().setAppName("TrendWire");
    if (!conf.contains("spark.master")) {
      conf.setMaster(config.spark().master());
    }
    config.spark().conf().forEach((k, v) -> {
      if (!conf.contains(k)) {
        conf.set(k, v);
      }
    });
    conf.set("spark.sql.session.timeZone", config.timeZone());
    if (conf.get("spark.master").startsWith("local") && !conf.contains("spark.sql.shuffle.partitions")) {
      // Spark's 200 shuffle partitions are meant for clusters; on one machine they are mostly
      // scheduling overhead. Four per core keeps tasks small enough for skew.
      int cores = Runtime.getRuntime().availableProcessors();
      conf.set("spark.sql.shuffle.partitions", String.valueOf(4 * cores));
    }
    return SparkSession.builder().config(conf).getOrCreate();
  }

  private static int fail(PrintStream err, Throwable e, int code, boolean verbose) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (code == EXIT_FAILURE) {
      message = e.getClass().getSimpleName() + ": " + message;
    }
    err.println("trendwire: error: " + message.lines().findFirst().orElse(""));
    if (verbose) {
      e.printStackTrace(err);
    }
    return code;
  }
}
