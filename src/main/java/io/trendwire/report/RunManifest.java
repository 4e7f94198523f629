package io.trendwire.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.schema.ReportSchemas;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code _manifest.json}: what ran (schema version, resolved config, library versions), what it
 * counted (records read, accepted, rejected by reason, duplicates) and how long each stage took.
 */
public final class RunManifest {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final TrendWireConfig config;
  private final Instant started = Instant.now();
  private final Map<String, Map<String, Object>> stages = new LinkedHashMap<>();
  private final Map<String, Double> timings = new LinkedHashMap<>();
  private Map<String, Object> counts = Map.of();
  private final Map<String, Object> models = new LinkedHashMap<>();
  private Instant finished;

  public RunManifest(TrendWireConfig config) {
    this.config = config;
  }

  public void stage(String name, long rows, long nanos) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("rows", rows);
    s.put("seconds", seconds(nanos));
    stages.put(name, s);
    timings.put(name, seconds(nanos));
  }

  public void timing(String name, long nanos) {
    timings.put(name, seconds(nanos));
  }

  /** Rows counted at the end of a stage. */
  public long count(String stage) {
    return (Long) stages.get(stage).get("rows");
  }

  public void counts(Map<String, Object> newCounts) {
    counts = newCounts;
  }

  /** Metrics of a fitted model (e.g. topics: coherence and log-perplexity), under model_metrics. */
  public void model(String name, Map<String, Object> metrics) {
    models.put(name, metrics);
  }

  public void finished(Instant at) {
    finished = at;
  }

  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", ReportSchemas.SCHEMA_VERSION);
    m.put("started", started.toString());
    m.put("finished", finished == null ? null : finished.toString());
    m.put("versions", versions());
    m.put("config", JSON.valueToTree(config));
    m.put("counts", counts);
    m.put("stages", stages);
    m.put("timings_seconds", timings);
    m.put("model_metrics", models);
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("trendwire", projectVersion());
    v.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    v.put("scala", scala.util.Properties.versionNumberString());
    v.put("java", System.getProperty("java.version"));
    v.put("jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
    v.put("opennlp", opennlp.tools.util.Version.currentVersion().toString());
    return v;
  }

  private static String projectVersion() {
    try (InputStream in = RunManifest.class.getResourceAsStream("/trendwire-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static double seconds(long nanos) {
    return Math.round(nanos / 1e6) / 1000.0;
  }
}
