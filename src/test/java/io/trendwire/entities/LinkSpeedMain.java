package io.trendwire.entities;

import static io.trendwire.schema.Columns.REASON;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TEXT_CHARS;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.trendwire.config.ConfigLoader;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.ingest.IngestIO;
import io.trendwire.trends.Periods;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * The entity stage alone inside Spark (local[2]), as the job runs it (link, drop the text,
 * persist, count), on Reuters-21578 replicated in memory: wall time and the process's CPU time,
 * which says more than wall time on a shared machine. Compares versions of {@link EntityLinker}
 * in the same conditions: run it before and after a change.
 *   LinkSpeedMain CORPUS_DIR [REPLICAS] [ROUNDS]
 */
public final class LinkSpeedMain {
  public static void main(String[] args) throws Exception {
    int replicas = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    SparkSession spark = SparkSession.builder().master("local[2]").appName("link-speed")
        .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    TrendWireConfig config = ConfigLoader.load(Paths.get("conf/reuters.json")).withInputPaths(List.of(args[0]));
    Dataset<Row> one = IngestIO.readRecords(spark, config.input(), config.output().rejectRawChars(), Instant.now())
        .filter(col(REASON).isNull());
    Dataset<Row> all = one;
    for (int r = 1; r < replicas; r++) {
      all = all.union(one);
    }
    Dataset<Row> input = Periods.assign(all, config.period()).withColumn(TEXT_CHARS, length(col(TEXT)))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long articles = input.count();
    double mb = input.agg(sum(TEXT_CHARS)).first().getLong(0) / 1e6;
    EntityMatcher matcher = EntityMatcher.compile(GazetteerIO.load(List.of(), spark.sparkContext().hadoopConfiguration()));
    Broadcast<EntityMatcher> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(matcher);
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    int cores = 2;
    for (int round = 0; round < rounds; round++) {
      long wall0 = System.nanoTime();
      long cpu0 = os.getProcessCpuTime();
      Dataset<Row> linked = new EntityLinker(config.entities(), bc).link(input).drop(TEXT)
          .persist(StorageLevel.MEMORY_AND_DISK());
      long rows = linked.count();
      double wall = (System.nanoTime() - wall0) / 1e9;
      double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
      linked.unpersist(true);
      System.out.printf("round %d: %d articles (%d read), %.1f MB in %.1f s wall (%.2f MB/s per core), %.1f s CPU "
          + "(%.2f MB per CPU second)%n", round, rows, articles, mb, wall, mb / wall / cores, cpu, mb / cpu);
    }
    spark.stop();
  }
}
