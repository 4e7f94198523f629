package io.trendwire;

import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * One run of {@code conf/sample.json} per test JVM, shared by the tests that read a whole report
 * (schema docs, report.html, notebooks, README queries): the sample run costs seconds, and they
 * only read it. It is written to {@code target/sample-report/sample} and left there, so a failing
 * test's report can be opened afterwards.
 */
public final class SampleReport {
  private static Path folder;

  private SampleReport() {}

  public static synchronized Path get() {
    if (folder == null) {
      Path out = Paths.get("target", "sample-report", "sample").toAbsolutePath();
      TrendWireConfig config = ConfigLoader.load(Paths.get("conf", "sample.json"));
      config = config.withOutput(config.output().withPath(out.toString()).withOverwrite(true));
      TrendWireJob.run(SparkTestSession.get(), config);
      folder = out;
    }
    return folder;
  }
}
