package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.io.Serializable;
import java.util.Map;

/** Spark settings applied when the job builds its session; spark-submit flags take precedence. */
public record SparkConfig(
    @JsonPropertyDescription("Master URL used when none is given by spark-submit; default local[*].")
    String master,
    @JsonPropertyDescription("Extra Spark properties, e.g. {\"spark.sql.shuffle.partitions\": \"64\"}.")
    Map<String, String> conf) implements Serializable {

  public static final SparkConfig DEFAULT = new SparkConfig(null, null);

  public SparkConfig {
    master = master == null || master.isBlank() ? "local[*]" : master;
    conf = conf == null ? Map.of() : Map.copyOf(conf);
  }
}
