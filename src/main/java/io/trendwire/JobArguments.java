package io.trendwire;

import io.trendwire.CommandLine.UsageException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line: {@code --config FILE} and overrides. Unknown options are errors. */
record JobArguments(String config, List<String> inputs, String output, String period, boolean overwrite,
    boolean verbose, boolean help) {

  static final String USAGE = """
      Usage: trendwire --config FILE [options]

      Runs the TrendWire job: reads the articles named by the config, writes a report folder
      (articles/, rejects/, _manifest.json) and prints where it is.

      Options:
        --config FILE        JSON config (see conf/ and docs/configuration.md); required
        --input PATH         input file, folder or glob; repeat for several; replaces input.paths
        --output PATH        report folder; replaces output.path
        --period P           day | week | month; replaces period
        --overwrite          replace an existing report folder once the new one is complete
        --verbose            print stack traces on errors
        --help               show this help
      Exit codes: 0 success, 2 bad arguments or config, 3 input not found, 4 output exists, 1 other failure.
      """;

  static JobArguments parse(String[] args) {
    String config = null;
    String output = null;
    String period = null;
    List<String> inputs = new ArrayList<>();
    boolean overwrite = false;
    boolean verbose = false;
    boolean help = false;
    List<String> list = Arrays.asList(args);
    for (int i = 0; i < list.size(); i++) {
      String a = list.get(i);
      String inlineValue = null;
      if (a.startsWith("--") && a.contains("=")) {
        inlineValue = a.substring(a.indexOf('=') + 1);
        a = a.substring(0, a.indexOf('='));
      }
      switch (a) {
        case "--config" -> config = inlineValue != null ? inlineValue : CommandLine.value(list, ++i, a);
        case "--input" -> inputs.add(inlineValue != null ? inlineValue : CommandLine.value(list, ++i, a));
        case "--output" -> output = inlineValue != null ? inlineValue : CommandLine.value(list, ++i, a);
        case "--period" -> period = inlineValue != null ? inlineValue : CommandLine.value(list, ++i, a);
        case "--overwrite" -> overwrite = true;
        case "--verbose", "-v" -> verbose = true;
        case "--help", "-h" -> help = true;
        default -> throw new UsageException("unknown option '" + list.get(i) + "' (see --help)");
      }
    }
    if (!help && config == null) {
      throw new UsageException("--config FILE is required (see --help)");
    }
    return new JobArguments(config, List.copyOf(inputs), output, period, overwrite, verbose, help);
  }
}
