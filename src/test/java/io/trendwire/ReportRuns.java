package io.trendwire;

import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * One run of each {@code conf/NAME.json} per test JVM, shared by the tests that read a whole
 * report (record accounting, schema docs, report.html, notebooks, README queries, the KCNA watch):
 * a run costs seconds to minutes, and they only read it. Reports go to
 * {@code target/conf-reports/NAME} and are left there, so a failing test's report can be opened
 * afterwards.
 */
public final class ReportRuns {
  /** A finished run: its folder and what {@link TrendWireJob#run} returned. */
  public record Run(Path folder, RunSummary summary) {}

  private static final Map<String, Run> RUNS = new HashMap<>();
  /**
   * Runs made without the topic stage: topics on all 21,578 Reuters documents would add minutes
   * to every test run; topics are tested on the sample corpus, KCNA and their own tests.
   */
  private static final Set<String> WITHOUT_TOPICS = Set.of("reuters");

  private ReportRuns() {}

  /** The report of {@code conf/NAME.json}, run on first use. */
  public static synchronized Run get(String name) {
    return RUNS.computeIfAbsent(name, n -> {
      Path out = Paths.get("target", "conf-reports", n).toAbsolutePath();
      TrendWireConfig config = ConfigLoader.load(Paths.get("conf", n + ".json"));
      config = config.withOutput(config.output().withPath(out.toString()).withOverwrite(true));
      if (WITHOUT_TOPICS.contains(n)) {
        config = config.withTopics(config.topics().withEnabled(false));
      }
      RunSummary summary = TrendWireJob.run(SparkTestSession.get(), config);
      return new Run(out, summary);
    });
  }

  /** The sample corpus's report folder (data/sample, the Quick start's run). */
  public static Path sample() {
    return get("sample").folder();
  }
}
