package io.trendwire.report;

import io.trendwire.config.ReportConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the analyst-facing files of a report folder from its already written Parquet datasets:
 * report.html ({@link HtmlReport}) and network.gexf ({@link NetworkExport}). Runs last, before the
 * manifest, reading back only small aggregates.
 */
public final class AnalystReports {
  private static final Logger LOG = LoggerFactory.getLogger(AnalystReports.class);

  private AnalystReports() {}

  public static void write(SparkSession spark, ReportFolder out, ReportConfig config, Map<String, Object> counts) {
    String title = new Path(out.targetPath()).getName();
    if (config.html()) {
      spark.sparkContext().setJobDescription("report: summarise the report into report.html");
      ReportDigest digest = ReportDigest.read(spark, out::stagedPath, title, counts, config.htmlTopN(),
          config.networkScope());
      out.writeText("report.html", HtmlReport.render(digest));
    }
    if (config.network()) {
      spark.sparkContext().setJobDescription("report: write the co-occurrence network as network.gexf");
      NetworkExport.Network network = NetworkExport.select(spark, out::stagedPath, config,
          name -> exists(spark, out.stagedPath(name)));
      if (network == null) {
        LOG.info("network.gexf not written: the report has no {} (co-occurrence is not part of this run)",
            ReportConfig.ALL.equals(config.networkPeriod()) ? "pairs/" : "pair_trends/");
      } else {
        out.writeText("network.gexf", NetworkExport.gexf(network, "TrendWire entity co-occurrence network of " + title));
        LOG.info("network.gexf: {} nodes, {} edges (period {}, scope {})", network.nodes().size(),
            network.edges().size(), network.period(), network.scope());
      }
    }
  }

  static boolean exists(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot check " + path, e);
    }
  }
}
