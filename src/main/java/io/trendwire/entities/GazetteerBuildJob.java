package io.trendwire.entities;

import io.trendwire.CommandLine;
import io.trendwire.CommandLine.UsageException;
import io.trendwire.config.SparkConfig;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/trendwire gazetteer build}: a gazetteer file from a Wikidata JSON dump, with
 * {@link WikidataGazetteerBuilder}. Local mode on all cores unless spark-submit names a master.
 * User errors end with one line on stderr and an exit code (2 arguments, 3 dump not found, 4
 * output exists, 1 other failure).
 */
public final class GazetteerBuildJob {
  static final int EXIT_FAILURE = CommandLine.EXIT_FAILURE;
  static final int EXIT_USAGE = CommandLine.EXIT_USAGE;
  static final int EXIT_INPUT_NOT_FOUND = CommandLine.EXIT_INPUT_NOT_FOUND;
  static final int EXIT_OUTPUT_EXISTS = CommandLine.EXIT_OUTPUT_EXISTS;

  static final String USAGE = """
      Usage: trendwire gazetteer build --dump FILE --output FILE [options]

      Builds a gazetteer (JSON Lines in the curated format, one file) from a Wikidata JSON dump
      (latest-all.json.bz2 or .gz, one entity per line). Give the result to a run with the config
      field entities.gazetteers. See docs/gazetteer.md.

      Options:
        --dump PATH            the dump: file, folder or glob; .gz and .bz2 are read as such; required
        --output FILE          the gazetteer file to write (gzip'd if it ends with .gz); required
        --languages L,L,...    languages of the labels and aliases to keep
                               (default en,de,fr,it,es,pt,nl,ru,uk,pl,ko,ja,zh)
        --types T,T,...        COUNTRY, CITY, REGION, PERSON, ORG (default all five)
        --classes TYPE=Q,Q,... the P31 (instance of) classes of one type, replacing its defaults;
                               repeat for several types
        --overwrite            replace an existing output file
        --verbose              print stack traces on errors
        --help                 show this help
      Exit codes: 0 success, 2 bad arguments, 3 dump not found, 4 output exists, 1 other failure.
      """;

  private GazetteerBuildJob() {}

  public static void main(String[] args) {
    int code = execute(args, System.out, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int execute(String[] args, PrintStream out, PrintStream err) {
    return execute(args, out, err, null);
  }

  /** The command; runs on {@code given} if not null (left running), else on its own session. */
  static int execute(String[] args, PrintStream out, PrintStream err, SparkSession given) {
    boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
    try {
      Arguments a = Arguments.parse(args);
      if (a.help) {
        out.print(USAGE);
        return 0;
      }
      // Refuse a missing dump or an existing output before paying for a Spark session.
      Configuration hadoop = given != null ? given.sparkContext().hadoopConfiguration() : new Configuration();
      Path dump = new Path(a.dump);
      FileStatus[] found = dump.getFileSystem(hadoop).globStatus(dump);
      if (found == null || found.length == 0) {
        throw new NotFound("dump not found: " + a.dump);
      }
      Path output = new Path(a.output);
      FileSystem fs = output.getFileSystem(hadoop);
      if (fs.exists(output)) {
        if (fs.getFileStatus(output).isDirectory()) {
          throw new UsageException("--output must be a file, not a directory: " + a.output);
        }
        if (!a.overwrite) {
          throw new Exists("output exists: " + a.output + " (use --overwrite to replace it)");
        }
      }
      SparkSession spark = given != null ? given : session();
      try {
        WikidataGazetteerBuilder.Result r = WikidataGazetteerBuilder.build(spark, a.dump, a.output, a.settings,
            a.overwrite);
        out.println("Gazetteer written to " + r.output());
        out.printf("  %d entities kept of %d items; %d lines, %d malformed (skipped)%n", r.entities(), r.items(),
            r.lines(), r.malformed());
        return 0;
      } finally {
        if (given == null) {
          spark.stop();
        }
      }
    } catch (UsageException e) {
      return fail(err, e, EXIT_USAGE, verbose);
    } catch (NotFound e) {
      return fail(err, e, EXIT_INPUT_NOT_FOUND, verbose);
    } catch (Exists e) {
      return fail(err, e, EXIT_OUTPUT_EXISTS, verbose);
    } catch (Exception e) {
      return fail(err, e, EXIT_FAILURE, verbose);
    }
  }

  /** Like the job's session: spark-submit's master wins, else local mode on all cores. */
  static SparkSession session() {
    return CommandLine.session("TrendWire gazetteer build", SparkConfig.DEFAULT, "UTC");
  }

  private static int fail(PrintStream err, Throwable e, int code, boolean verbose) {
    return CommandLine.fail(err, "trendwire gazetteer build", e, code, verbose);
  }

  /** The parsed command line. */
  static final class Arguments {
    String dump;
    String output;
    boolean overwrite;
    boolean help;
    WikidataGazetteerBuilder.Settings settings = WikidataGazetteerBuilder.Settings.defaults();

    static Arguments parse(String[] args) {
      Arguments a = new Arguments();
      Set<String> languages = null;
      Set<EntityType> types = null;
      List<String> list = Arrays.asList(args);
      for (int i = 0; i < list.size(); i++) {
        String opt = list.get(i);
        String inline = null;
        if (opt.startsWith("--") && opt.contains("=")) {
          inline = opt.substring(opt.indexOf('=') + 1);
          opt = opt.substring(0, opt.indexOf('='));
        }
        switch (opt) {
          case "--dump" -> a.dump = inline != null ? inline : CommandLine.value(list, ++i, opt);
          case "--output" -> a.output = inline != null ? inline : CommandLine.value(list, ++i, opt);
          case "--languages" -> languages = languages(inline != null ? inline : CommandLine.value(list, ++i, opt));
          case "--types" -> types = types(inline != null ? inline : CommandLine.value(list, ++i, opt));
          case "--classes" -> {
            String v = inline != null ? inline : CommandLine.value(list, ++i, opt);
            int eq = v.indexOf('=');
            if (eq < 0) {
              throw new UsageException("--classes: expected TYPE=Q1,Q2,..., got '" + v + "'");
            }
            EntityType type = type(v.substring(0, eq));
            Set<String> qids = new LinkedHashSet<>();
            for (String q : v.substring(eq + 1).split(",")) {
              if (!q.strip().matches("Q[1-9][0-9]*")) {
                throw new UsageException("--classes: not a Wikidata item id: '" + q.strip() + "'");
              }
              qids.add(q.strip());
            }
            a.settings = a.settings.withClasses(type, qids);
          }
          case "--overwrite" -> a.overwrite = true;
          case "--verbose", "-v" -> { }
          case "--help", "-h" -> a.help = true;
          default -> throw new UsageException("unknown option '" + list.get(i) + "' (see --help)");
        }
      }
      if (a.help) {
        return a;
      }
      if (a.dump == null) {
        throw new UsageException("--dump FILE is required (see --help)");
      }
      if (a.output == null) {
        throw new UsageException("--output FILE is required (see --help)");
      }
      if (languages != null) {
        a.settings = a.settings.withLanguages(languages);
      }
      if (types != null) {
        a.settings = a.settings.withTypes(types);
      }
      return a;
    }

    private static Set<String> languages(String v) {
      Set<String> langs = new LinkedHashSet<>();
      for (String l : v.split(",")) {
        String lang = l.strip().toLowerCase(Locale.ROOT);
        if (!lang.matches("[a-z]{2,3}(-[a-z0-9]+)*")) {
          throw new UsageException("--languages: not a language code: '" + l.strip() + "'");
        }
        langs.add(lang);
      }
      return langs;
    }

    private static Set<EntityType> types(String v) {
      Set<EntityType> types = new LinkedHashSet<>();
      for (String t : v.split(",")) {
        types.add(type(t));
      }
      return types;
    }

    private static EntityType type(String s) {
      String name = s.strip().toUpperCase(Locale.ROOT);
      for (EntityType t : List.of(EntityType.COUNTRY, EntityType.CITY, EntityType.REGION, EntityType.PERSON,
          EntityType.ORG)) {
        if (t.name().equals(name)) {
          return t;
        }
      }
      throw new UsageException("unknown type '" + s.strip() + "' (expected COUNTRY, CITY, REGION, PERSON or ORG)");
    }
  }

  static final class NotFound extends RuntimeException {
    NotFound(String message) {
      super(message);
    }
  }

  static final class Exists extends RuntimeException {
    Exists(String message) {
      super(message);
    }
  }
}
