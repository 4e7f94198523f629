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
import org.apache.spark.sql.SparkSession;

/**
 * Entry point for {@code spark-submit} and {@code bin/trendwire}: parses the arguments, loads and
 * validates the config, builds the SparkSession and calls {@link #run}. User errors end with one
 * line on stderr and a non-zero exit code; a stack trace only with {@code --verbose}.
 */
public final class TrendWireJob {
  static final int EXIT_FAILURE = CommandLine.EXIT_FAILURE;
  static final int EXIT_USAGE = CommandLine.EXIT_USAGE;
  static final int EXIT_INPUT_NOT_FOUND = CommandLine.EXIT_INPUT_NOT_FOUND;
  static final int EXIT_OUTPUT_EXISTS = CommandLine.EXIT_OUTPUT_EXISTS;

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
    } catch (CommandLine.UsageException | ConfigException e) {
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
        throw new CommandLine.UsageException("--period: " + e.getMessage());
      }
    }
    ConfigLoader.validate(c, a.config());
    return c;
  }

  static SparkSession session(TrendWireConfig config) {
    return CommandLine.session("TrendWire", config.spark(), config.timeZone());
  }

  private static int fail(PrintStream err, Throwable e, int code, boolean verbose) {
    return CommandLine.fail(err, "trendwire", e, code, verbose);
  }
}
