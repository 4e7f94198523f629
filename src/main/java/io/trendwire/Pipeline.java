package io.trendwire;

import static io.trendwire.Checkpoints.release;
import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import io.trendwire.config.ConfigLoader;
import io.trendwire.config.CooccurConfig;
import io.trendwire.cooccur.Cooccurrence;
import io.trendwire.cooccur.EntityNames;
import io.trendwire.cooccur.Watch;
import io.trendwire.config.TopicsConfig;
import io.trendwire.config.TrendWireConfig;
import io.trendwire.dedupe.DuplicateMarker;
import io.trendwire.entities.EntityLinker;
import io.trendwire.entities.EntityMatcher;
import io.trendwire.entities.EntityReports;
import io.trendwire.entities.GazetteerIO;
import io.trendwire.ingest.ArticleIds;
import io.trendwire.ingest.IngestIO;
import io.trendwire.language.LanguageIdentifier;
import io.trendwire.report.AnalystReports;
import io.trendwire.report.ReportFolder;
import io.trendwire.report.RunManifest;
import io.trendwire.topics.TopicIO;
import io.trendwire.topics.TopicModel;
import io.trendwire.topics.TopicModeler;
import io.trendwire.topics.TopicReports;
import io.trendwire.trends.Periods;
import io.trendwire.trends.Series;
import io.trendwire.trends.TrendReports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the stages in order and writes the report folder. Each stage's result is persisted and
 * counted once, so the log and the manifest carry a count and a wall time per stage and the
 * Spark UI shows one described job per stage.
 */
final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** Columns of articles/ in the order analysts see them. */
  static final List<String> ARTICLE_COLUMNS = List.of(ARTICLE_ID, PUBLISHED, PERIOD, SOURCE, LANGUAGE,
      LANGUAGE_SOURCE, LANGUAGE_CONFIDENCE, TITLE, URL, TEXT_CHARS, TEXT_HASH, DUPLICATE_OF, DUPLICATE_KIND,
      DUPLICATE_SIMILARITY, SOURCE_FILE, RECORD);

  private final SparkSession spark;
  private final TrendWireConfig config;
  private final RunManifest manifest;

  Pipeline(SparkSession spark, TrendWireConfig config) {
    this.spark = spark;
    this.config = config;
    this.manifest = new RunManifest(config);
  }

  RunSummary run() {
    Instant start = Instant.now();
    // Periods are cut in the session zone: make it the report's, whoever built the session.
    spark.conf().set("spark.sql.session.timeZone", config.timeZone());
    LOG.info("TrendWire run, resolved config:\n{}", ConfigLoader.toJson(config));
    try (ReportFolder out = ReportFolder.open(config.output().path(), config.output().overwrite(),
        spark.sparkContext().hadoopConfiguration())) {
      Dataset<Row> parsed = stage("ingest", "read and parse input records", () ->
          IngestIO.readRecords(spark, config.input(), config.output().rejectRawChars(), start));
      Dataset<Row> rejects = parsed.filter(col(REASON).isNotNull()).select(SOURCE_FILE, RECORD, REASON, DETAIL, RAW);
      Dataset<Row> accepted = parsed.filter(col(REASON).isNull()).drop(RAW, REASON, DETAIL);

      Dataset<Row> deduped;
      try (DuplicateMarker marker = new DuplicateMarker(config.dedupe())) {
        // Two stages: the exact marks are read twice by the near-duplicate search, so they are
        // materialised once here rather than recomputed by each of its jobs.
        Dataset<Row> exact = stage("dedupe_exact", "mark exact copies", () ->
            marker.markExact(ArticleIds.uniquify(accepted)));
        release(parsed);
        deduped = stage("dedupe_near", "mark near-duplicate copies", () -> marker.markNear(exact));
        release(exact);
      }
      // text_chars is article metadata, counted here with the language rather than inside a later stage.
      // Checkpointed: every plan built on a cached stage carries the whole lineage above it (ingest,
      // both dedupe passes), and Spark writes that plan out, megabytes of text on Reuters x10, for
      // each query of the entity stage (a third of a second each).
      Dataset<Row> identified = checkpointedStage("language", "identify article languages", () ->
          new LanguageIdentifier(config.language()).identify(deduped).withColumn(TEXT_CHARS, length(col(TEXT))));
      release(deduped);
      Dataset<Row> periodised = Periods.assign(identified, config.period());
      Dataset<Row> articles = periodised;
      EntityMatcher matcher = null;
      if (config.entities().enabled()) {
        describe("gazetteer", "load and compile the gazetteer");
        long g = System.nanoTime();
        matcher = compiledGazetteer(config.entities().gazetteers());
        manifest.timing("gazetteer", System.nanoTime() - g);
        LOG.info("Gazetteer: {} entities, {} aliases", matcher.entityCount(), matcher.aliasCount());
        Broadcast<EntityMatcher> broadcast = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(matcher);
        // The text is not needed after this stage (articles/ does not carry it) unless topics
        // analyse it next: not kept in memory otherwise.
        boolean keepText = config.topics().enabled();
        // Checkpointed rather than cached: the mention arrays would be re-encoded into Spark's
        // columnar cache (growing buffers, a sixth of the stage's time on Reuters x10), and every
        // later report reads this result whole anyway.
        articles = checkpointedStage("entities", "find entity mentions", () -> {
          Dataset<Row> linked = new EntityLinker(config.entities(), broadcast).link(periodised);
          return keepText ? linked : linked.drop(TEXT);
        });
        release(identified);
      }
      if (config.topics().enabled()) {
        Dataset<Row> withText = articles;
        articles = runTopics(withText, out);
        release(withText);  // the topics result is checkpointed: the text is no longer needed
      }

      describe("write", "write articles/ and rejects/");
      long t = System.nanoTime();
      List<String> articleColumns = new ArrayList<>(ARTICLE_COLUMNS);
      if (matcher != null) {
        articleColumns.addAll(articleColumns.indexOf(DUPLICATE_OF), List.of(ENTITY_IDS, COUNTRIES, FOCUS_COUNTRIES));
      }
      if (config.topics().enabled()) {
        articleColumns.addAll(articleColumns.indexOf(DUPLICATE_OF), List.of(TOPIC_ID, TOPIC_WEIGHTS));
      }
      write(articles.select(articleColumns.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new)),
          out.stagedPath("articles"));
      write(rejects, out.stagedPath("rejects"));
      if (matcher != null) {
        writeEntityReports(articles, matcher, out);
      }
      manifest.timing("write", System.nanoTime() - t);

      describe("summary", "count articles and rejects for the manifest");
      Dataset<Row> written = spark.read().parquet(out.stagedPath("articles"));
      Map<String, Long> rejectedByReason = groupCounts(spark.read().parquet(out.stagedPath("rejects")), REASON);
      long rejected = rejectedByReason.values().stream().mapToLong(Long::longValue).sum();
      long acceptedCount = manifest.count("dedupe_near");
      Map<String, Long> duplicates = groupCounts(written.filter(col(DUPLICATE_KIND).isNotNull()), DUPLICATE_KIND);
      long copies = duplicates.values().stream().mapToLong(Long::longValue).sum();
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("read", manifest.count("ingest"));
      counts.put("accepted", acceptedCount);
      counts.put("rejected", rejected);
      counts.put("rejected_by_reason", rejectedByReason);
      counts.put("duplicates", copies);
      counts.put("duplicates_by_kind", duplicates);
      counts.put("originals", acceptedCount - copies);
      counts.put("articles_by_language", groupCounts(written, LANGUAGE));
      counts.put("articles_by_language_source", groupCounts(written, LANGUAGE_SOURCE));
      Row range = written.agg(min(PUBLISHED), max(PUBLISHED), sum(TEXT_CHARS)).first();
      counts.put("text_chars", range.isNullAt(2) ? 0L : range.getLong(2));
      counts.put("published_min", instant(range, 0));
      counts.put("published_max", instant(range, 1));
      manifest.counts(counts);
      long read = manifest.count("ingest");
      if (read != acceptedCount + rejected) {
        throw new IllegalStateException("record accounting broken: read " + read + " != accepted "
            + acceptedCount + " + rejected " + rejected);
      }
      if (matcher != null) {
        Dataset<Row> mentions = spark.read().parquet(out.stagedPath("mentions"));
        counts.put("mentions", mentions.count());
        counts.put("mentions_by_method", groupCounts(mentions, METHOD));
        counts.put("entities", spark.read().parquet(out.stagedPath("entities")).count());
        if (pairOccurrences >= 0) {
          counts.put("pair_occurrences", pairOccurrences);
          counts.put("pairs", spark.read().parquet(out.stagedPath("pairs")).count());
          counts.put("pair_trends", spark.read().parquet(out.stagedPath("pair_trends")).count());
        }
        release(articles);
      } else {
        release(identified);
      }
      writeAnalystReports(out, counts);
      manifest.finished(Instant.now());
      out.writeText("_manifest.json", manifest.toJson());
      out.commit();
      LOG.info("Report written to {}: read {}, accepted {} ({} originals), rejected {} {}", out.targetPath(), read,
          acceptedCount, acceptedCount - copies, rejected, rejectedByReason);
      return new RunSummary(out.targetPath(), read, acceptedCount, rejected, copies);
    }
  }

  /**
   * mentions/ (every mention), entities/ and entity_trends/ (counted articles only: originals,
   * unless dedupe.countCopies).
   */
  private void writeEntityReports(Dataset<Row> linked, EntityMatcher matcher, ReportFolder out) {
    describe("entities-report", "write mentions/, entities/ and entity_trends/");
    write(EntityReports.mentions(linked), out.stagedPath("mentions"));
    Dataset<Row> counted = config.dedupe().countCopies() ? linked : linked.filter(col(DUPLICATE_OF).isNull());
    Dataset<Row> countedMentions = EntityReports.mentions(counted);
    write(EntityReports.entities(countedMentions, EntityReports.gazetteerTable(spark, matcher),
        config.entities().minCandidateArticles()), out.stagedPath("entities"));
    Dataset<Row> entities = spark.read().parquet(out.stagedPath("entities"));
    write(TrendReports.entityTrends(EntityReports.trends(countedMentions, counted.select(ARTICLE_ID, PERIOD), entities,
        config.period(), config.entities().trendMinArticles()), counted.select(ARTICLE_ID, PERIOD), config.trends()),
        out.stagedPath("entity_trends"));
    if (!config.trends().splits() && !config.cooccur().enabled()) {
      return;
    }
    // One checkpoint of the counted articles for the split and co-occurrence reports (lineage
    // cut): they join it many times, and with the whole upstream plan under each reference the
    // query plans (and their explain strings) grow past the driver heap.
    Dataset<Row> articles = counted.select(ARTICLE_ID, PERIOD, PUBLISHED, TITLE, LANGUAGE, SOURCE).localCheckpoint();
    Dataset<Row> periods = Series.allPeriods(articles, config.period());
    writeTrendSplits(countedMentions, articles, periods, entities, out);
    writeCooccurReports(countedMentions, counted, articles, periods, entities, matcher, out);
    release(articles);
  }

  /**
   * pairs/, pair_trends/, pair_trends_split/ and watch/ from the counted mentions.
   */
  private void writeCooccurReports(Dataset<Row> countedMentions, Dataset<Row> counted, Dataset<Row> articles,
      Dataset<Row> periods, Dataset<Row> entities, EntityMatcher matcher, ReportFolder out) {
    CooccurConfig co = config.cooccur();
    if (!co.enabled()) {
      return;
    }
    describe("cooccur", "write pairs/, pair_trends/ and watch/");
    long t = System.nanoTime();
    // Checkpointed (lineage cut) rather than persisted, as the articles are.
    Dataset<Row> names = EntityNames.of(entities, matcher.entities()).localCheckpoint();
    Dataset<Row> keys = Cooccurrence.entityKeys(countedMentions, co).localCheckpoint();
    Dataset<Row> units = Cooccurrence.units(keys, co.topK()).localCheckpoint();
    Dataset<Row> pairArticles = Cooccurrence.pairArticles(units).localCheckpoint();
    Dataset<Row> marginals = Cooccurrence.marginals(units);
    Dataset<Row> totals = Cooccurrence.totals(units, articles);
    write(Cooccurrence.pairs(pairArticles, marginals, totals, names, co.minSupport()), out.stagedPath("pairs"));
    write(Cooccurrence.pairTrends(pairArticles, marginals, totals, names, periods, co.trendMinSupport(), config.trends()),
        out.stagedPath("pair_trends"));
    if (config.trends().splits()) {
      write(Cooccurrence.pairTrendsSplit(pairArticles, names, Series.splitArticles(articles,
          config.trends().splitMinArticles()), periods, co.trendMinSupport(), config.trends()),
          out.stagedPath("pair_trends_split"));
    }
    // top_topics: the dominant topics of the watched articles, when the topic stage ran.
    Dataset<Row> topicOfArticle = config.topics().enabled() ? counted.select(ARTICLE_ID, TOPIC_ID) : null;
    write(Watch.rows(keys, articles, Watch.items(spark, config.watch().items()), names, periods, topicOfArticle,
        config.watch(), config.trends()), out.stagedPath("watch"));
    manifest.timing("cooccur", System.nanoTime() - t);
    // Cheap: the pair rows are checkpointed. One row per article × scope × pair (bench/cooccur).
    pairOccurrences = pairArticles.count();
    for (Dataset<Row> checkpoint : List.of(names, keys, units, pairArticles)) {
      release(checkpoint);
    }
  }

  /** entity_trends_split/: entity series by language and by source (trends.splits). */
  private void writeTrendSplits(Dataset<Row> countedMentions, Dataset<Row> articles, Dataset<Row> periods,
      Dataset<Row> entities, ReportFolder out) {
    if (!config.trends().splits()) {
      return;
    }
    describe("trends-split", "write entity_trends_split/");
    Dataset<Row> mentioned = countedMentions.select(ENTITY_ID, ARTICLE_ID).localCheckpoint();
    write(TrendReports.entityTrendsSplit(mentioned, articles, entities, periods, config.entities().trendMinArticles(),
        config.trends()), out.stagedPath("entity_trends_split"));
    release(mentioned);
  }

  /**
   * Topics: fits and applies the models (stage "topics"), saves the fitted pipelines under
   * topics_model/, writes topics/ and topic_trends/ (counted articles only) and records the model
   * metrics. Returns the articles with topic_id and topic_weights, persisted, without the text.
   */
  private Dataset<Row> runTopics(Dataset<Row> articles, ReportFolder out) {
    TopicsConfig tc = config.topics();
    describe("topics", "analyse terms, fit and apply topic models");
    long fit = System.nanoTime();
    TopicModeler.Result fitted = new TopicModeler(tc).model(articles);
    Dataset<Row> modelled = fitted.articles();
    manifest.stage("topics", modelled.count(), System.nanoTime() - fit);
    LOG.info("Stage topics: {} models in {} ms", fitted.models().size(), (System.nanoTime() - fit) / 1_000_000);
    describe("topics-report", "write topics/, topic_trends/ and the fitted models");
    long t = System.nanoTime();
    for (TopicModel m : fitted.models()) {
      TopicIO.save(m, out.stagedPath("topics_model"));
    }
    Dataset<Row> counted = config.dedupe().countCopies() ? modelled : modelled.filter(col(DUPLICATE_OF).isNull());
    Dataset<Row> surfaces = TopicReports.surfaces(counted).persist(StorageLevel.MEMORY_AND_DISK());
    TopicReports.Topics topics = TopicReports.topics(counted, fitted.models(), surfaces, tc.termsPerTopic());
    write(topics.topics(), out.stagedPath("topics"));
    write(TopicReports.trends(counted, fitted.models(), surfaces, config.period(), tc.termsPerTopic(),
        config.trends()),
        out.stagedPath("topic_trends"));
    surfaces.unpersist();
    manifest.model("topics", topics.metrics());
    manifest.timing("topics-report", System.nanoTime() - t);
    return modelled.drop(TEXT, TOPIC_TERMS_COLUMN, TOPIC_SURFACES_COLUMN, TOPIC_COUNTS_COLUMN, TOPIC_MODEL_COLUMN);
  }

  /** report.html and network.gexf, from the datasets written above (small aggregates only). */
  private void writeAnalystReports(ReportFolder out, Map<String, Object> counts) {
    long t = System.nanoTime();
    AnalystReports.write(spark, out, config.report(), counts);
    manifest.timing("report", System.nanoTime() - t);
  }

  /**
   * The compiled gazetteer. The built-in one (CLDR, GeoNames, curated: it cannot change while the
   * JVM runs) is compiled once per JVM, since compiling takes seconds and tests and notebooks run
   * the job many times; with user files it is compiled afresh, so edits to them take effect.
   */
  private EntityMatcher compiledGazetteer(List<String> userFiles) {
    if (!userFiles.isEmpty()) {
      return EntityMatcher.compile(GazetteerIO.load(userFiles, spark.sparkContext().hadoopConfiguration()));
    }
    synchronized (Pipeline.class) {
      if (builtInGazetteer == null) {
        builtInGazetteer = EntityMatcher.compile(GazetteerIO.load(List.of(), spark.sparkContext().hadoopConfiguration()));
      }
      return builtInGazetteer;
    }
  }

  private static EntityMatcher builtInGazetteer;

  /** Article × scope × pair rows of the co-occurrence stage, for the manifest; -1 when it did not run. */
  private long pairOccurrences = -1;

  /** Builds a stage's dataset, persists it and counts it, recording count and time. */
  private Dataset<Row> stage(String name, String description, Supplier<Dataset<Row>> build) {
    return stage(name, description, build, false);
  }

  /**
   * As {@link #stage(String, String, Supplier)}, the result kept as a local checkpoint (rows as
   * Spark computed them, in memory and on disk) instead of the columnar cache: the plans built on
   * it start from it.
   */
  private Dataset<Row> checkpointedStage(String name, String description, Supplier<Dataset<Row>> build) {
    return stage(name, description, build, true);
  }

  private Dataset<Row> stage(String name, String description, Supplier<Dataset<Row>> build, boolean checkpoint) {
    describe(name, description);
    long t = System.nanoTime();
    Dataset<Row> built = build.get();
    Dataset<Row> result = checkpoint ? built.localCheckpoint(true) : built.persist(StorageLevel.MEMORY_AND_DISK());
    long rows = result.count();
    long nanos = System.nanoTime() - t;
    manifest.stage(name, rows, nanos);
    LOG.info("Stage {}: {} rows in {} ms", name, rows, nanos / 1_000_000);
    return result;
  }

  private void describe(String name, String description) {
    spark.sparkContext().setJobDescription(name + ": " + description);
  }

  private void write(Dataset<Row> df, String path) {
    Dataset<Row> shaped = config.output().files() > 0 ? df.repartition(config.output().files()) : df;
    shaped.write().mode(SaveMode.ErrorIfExists).parquet(path);
  }

  private static String instant(Row row, int i) {
    return row.isNullAt(i) ? null : row.getTimestamp(i).toInstant().toString();
  }

  private static Map<String, Long> groupCounts(Dataset<Row> df, String column) {
    Map<String, Long> out = new TreeMap<>();
    for (Row r : df.groupBy(column).count().collectAsList()) {
      out.put(r.isNullAt(0) ? "null" : String.valueOf(r.get(0)), r.getLong(1));
    }
    return out;
  }
}
