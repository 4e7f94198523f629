package io.trendwire.topics;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.arrays_zip;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.Period;
import io.trendwire.config.TrendsConfig;
import io.trendwire.trends.Series;
import io.trendwire.trends.TrendStats;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** topics/ and topic_trends/ from the articles and models of {@link TopicModeler}. */
public final class TopicReports {
  private TopicReports() {}

  /** One listed term of a topic: display form, analysed term, probability in the topic. */
  public static final StructType TERM_STRUCT = new StructType()
      .add(TERM, DataTypes.StringType, false)
      .add(STEM, DataTypes.StringType, false)
      .add(WEIGHT, DataTypes.DoubleType, false);

  public static final StructType TOPICS = new StructType()
      .add(TOPIC_ID, DataTypes.IntegerType, false)
      .add(LANGUAGE, DataTypes.StringType, true)
      .add(LABEL, DataTypes.StringType, false)
      .add(TERMS, DataTypes.createArrayType(TERM_STRUCT, false), false)
      .add(COHERENCE, DataTypes.DoubleType, true)
      .add(PREVALENCE, DataTypes.DoubleType, false)
      .add(ARTICLES, DataTypes.LongType, false);

  /** Terms in the label: enough to tell topics apart at a glance. */
  private static final int LABEL_TERMS = 4;
  /** A topic takes part in an article's period terms when its weight there is at least this. */
  private static final double MIN_PERIOD_WEIGHT = 0.05;

  /**
   * The display form of every analysed term: its most frequent surface in the articles (ties:
   * the alphabetically last, so the choice is stable). Input: _terms, _surfaces. Output: term,
   * surface (strings, not null).
   */
  public static Dataset<Row> surfaces(Dataset<Row> articles) {
    return articles.select(explode(arrays_zip(col(TOPIC_TERMS_COLUMN), col(TOPIC_SURFACES_COLUMN))).alias("z"))
        .groupBy(col("z." + TOPIC_TERMS_COLUMN).alias(TERM), col("z." + TOPIC_SURFACES_COLUMN).alias(SURFACE))
        .agg(count(lit(1)).alias("_n"))
        .groupBy(TERM).agg(max_by(col(SURFACE), struct(col("_n"), col(SURFACE))).alias(SURFACE));
  }

  /** The topics of a run, with the model metrics that the manifest records. */
  public record Topics(Dataset<Row> topics, Map<String, Object> metrics) {}

  /**
   * topics/: one row per topic of every model. prevalence = the topic's mean weight over all
   * counted articles (so prevalences sum to 1 over a global model's topics); articles = counted
   * articles whose most probable topic it is; coherence = NPMI of its terms ({@link Coherence}),
   * null when fewer than 2 terms. Input: counted articles (from {@link TopicModeler}), the
   * surfaces of {@link #surfaces}.
   */
  public static Topics topics(Dataset<Row> counted, List<TopicModel> models, Dataset<Row> surfaces, int termsPerTopic) {
    SparkSession spark = counted.sparkSession();
    Map<Integer, double[]> mass = new HashMap<>();
    long total = 0;
    for (Row r : counted.filter(col(TOPIC_WEIGHTS).isNotNull())
        .select(col(TOPIC_MODEL_COLUMN), posexplode(col(TOPIC_WEIGHTS)))
        .groupBy(TOPIC_MODEL_COLUMN, "pos").agg(sum("col")).collectAsList()) {
      mass.computeIfAbsent(r.getInt(0), m -> new double[models.get(m).k()])[r.getInt(1)] = r.getDouble(2);
    }
    total = counted.count();
    Map<Integer, Long> dominant = new HashMap<>();
    for (Row r : counted.filter(col(TOPIC_ID).isNotNull()).groupBy(TOPIC_ID).count().collectAsList()) {
      dominant.put(r.getInt(0), r.getLong(1));
    }
    Set<String> stems = new LinkedHashSet<>();
    for (TopicModel m : models) {
      for (int t = 0; t < m.k(); t++) {
        for (int w : m.topTerms(t, CANDIDATES * termsPerTopic)) {
          stems.add(m.vocabulary()[w]);
        }
      }
    }
    Map<String, String> display = new HashMap<>();
    for (Row r : surfaces.filter(col(TERM).isin(stems.toArray())).collectAsList()) {
      display.put(r.getString(0), r.getString(1));
    }
    List<Row> rows = new ArrayList<>();
    List<Map<String, Object>> perModel = new ArrayList<>();
    double coherenceSum = 0;
    int coherent = 0;
    double perplexitySum = 0;
    long perplexityWeight = 0;
    for (TopicModel m : models) {
      int[][] top = new int[m.k()][];
      for (int t = 0; t < m.k(); t++) {
        top[t] = distinctlyShown(m, t, termsPerTopic, display);
      }
      spark.sparkContext().setJobDescription("topics: NPMI coherence" + (m.language() == null ? "" : " (" + m.language() + ")"));
      Coherence.Scores c = Coherence.of(counted.filter(col(TOPIC_MODEL_COLUMN).equalTo(m.index()))
          .select(TOPIC_COUNTS_COLUMN), top);
      double modelSum = 0;
      for (int t = 0; t < m.k(); t++) {
        double coherence = c.topics()[t];
        List<Row> listed = new ArrayList<>();
        List<String> label = new ArrayList<>();
        for (int w : top[t]) {
          String stem = m.vocabulary()[w];
          String shown = display.getOrDefault(stem, stem);
          listed.add(RowFactory.create(shown, stem, m.topicTerms()[t][w]));
          if (label.size() < LABEL_TERMS) {
            label.add(shown);
          }
        }
        double[] ms = mass.get(m.index());
        int id = m.topicOffset() + t;
        rows.add(RowFactory.create(id, m.language(), String.join(", ", label), listed,
            Double.isNaN(coherence) ? null : coherence, ms == null || total == 0 ? 0.0 : ms[t] / total,
            dominant.getOrDefault(id, 0L)));
        if (!Double.isNaN(coherence)) {
          modelSum += coherence;
          coherenceSum += coherence;
          coherent++;
        }
      }
      Map<String, Object> mm = new LinkedHashMap<>();
      mm.put("language", m.language());
      mm.put("topics", m.k());
      mm.put("vocabulary", m.vocabulary().length);
      mm.put("fit_articles", m.fitArticles());
      mm.put("reference_articles", c.documents());
      mm.put("coherence_npmi", modelSum / m.k());
      mm.put("log_perplexity", m.logPerplexity());
      perModel.add(mm);
      perplexitySum += m.logPerplexity() * c.documents();
      perplexityWeight += c.documents();
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("coherence_npmi", coherent == 0 ? null : coherenceSum / coherent);
    metrics.put("log_perplexity", perplexityWeight == 0 ? null : perplexitySum / perplexityWeight);
    metrics.put("terms_per_topic", termsPerTopic);
    metrics.put("models", perModel);
    return new Topics(spark.createDataFrame(rows, TOPICS), metrics);
  }

  /** Candidates looked at per listed term, to skip terms shown like one already listed. */
  private static final int CANDIDATES = 3;

  /**
   * The topic's most probable terms, skipping a term displayed like one before it (the entity
   * term "#kp" and the word "korea" may both show as "North Korea"; "Pyongyang" the entity and
   * the word): listing both would waste a place and inflate the coherence.
   */
  static int[] distinctlyShown(TopicModel m, int t, int n, Map<String, String> display) {
    Set<String> shown = new java.util.HashSet<>();
    List<Integer> out = new ArrayList<>();
    for (int w : m.topTerms(t, CANDIDATES * n)) {
      String stem = m.vocabulary()[w];
      if (shown.add(display.getOrDefault(stem, stem).toLowerCase(java.util.Locale.ROOT)) && out.size() < n) {
        out.add(w);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * topic_trends/: complete series of every topic over every period of the corpus, overall
   * (split "all", split_value null) and split by language (split_value the language, "und" when
   * unknown) and by source ("unknown" when null). prevalence = the topic's summed weight / the
   * split's counted articles in the period; articles = those whose most probable topic it is;
   * share = articles / the split's counted articles in the period; terms = the topic's most
   * distinctive terms in the period ("all" rows only, else null; empty when the topic has no
   * weight there).
   *
   * <p>Distinctive terms: each article's count of term w is shared among its topics as LDA
   * would assign it, n(w) ∝ θ(t) φ(t, w); summed over the period's articles this is the topic's
   * expected count n of w in the period, N its total. A term scores n · log((n/N) / φ(t, w)):
   * frequent in the topic that period, and more so than in the topic overall. Terms with n < 1
   * are left out.
   */
  public static Dataset<Row> trends(Dataset<Row> counted, List<TopicModel> models, Dataset<Row> surfaces,
      Period period, int termsPerTopic, TrendsConfig trendsConfig) {
    SparkSession spark = counted.sparkSession();
    Column offset = element_at(array(models.stream().map(m -> lit(m.topicOffset())).toArray(Column[]::new)),
        col(TOPIC_MODEL_COLUMN).plus(1));
    Dataset<Row> base = counted.select(col(ARTICLE_ID), col(PERIOD), coalesce(col(LANGUAGE), lit("und")).alias(LANGUAGE),
        coalesce(col(SOURCE), lit("unknown")).alias(SOURCE), col(TOPIC_ID), col(TOPIC_WEIGHTS), col(TOPIC_MODEL_COLUMN));
    Dataset<Row> weights = base.filter(col(TOPIC_WEIGHTS).isNotNull())
        .select(col(PERIOD), col(LANGUAGE), col(SOURCE), col(TOPIC_ID).alias("_dominant"),
            offset.alias("_offset"), posexplode(col(TOPIC_WEIGHTS)))
        .select(col(PERIOD), col(LANGUAGE), col(SOURCE), col("_dominant"), col("_offset").plus(col("pos")).alias("_topic"),
            col("col").alias(WEIGHT));
    List<Row> ids = new ArrayList<>();
    for (TopicModel m : models) {
      for (int t = 0; t < m.k(); t++) {
        ids.add(RowFactory.create(m.topicOffset() + t));
      }
    }
    Dataset<Row> topicIds = spark.createDataFrame(ids, new StructType().add(TOPIC_ID, DataTypes.IntegerType, false));
    Dataset<Row> periods = Series.allPeriods(base, period);
    Dataset<Row> all = null;
    for (String split : List.of("all", LANGUAGE, SOURCE)) {
      Column key = split.equals("all") ? lit(null).cast(DataTypes.StringType) : col(split);
      Dataset<Row> totals = base.groupBy(col(PERIOD).alias("_t_period"), key.alias("_t_key")).agg(count(lit(1)).alias("_total"));
      Dataset<Row> sums = weights.groupBy(col("_topic"), col(PERIOD).alias("_s_period"), key.alias("_s_key"))
          .agg(sum(WEIGHT).alias("_weight"), sum(when(col("_dominant").equalTo(col("_topic")), 1L).otherwise(0L)).alias("_articles"));
      Dataset<Row> keys = base.select(key.alias(SPLIT_VALUE)).distinct();
      Column total = coalesce(col("_total"), lit(0L));
      Column articles = coalesce(col("_articles"), lit(0L));
      Dataset<Row> series = topicIds.crossJoin(periods).crossJoin(keys)
          .join(totals, col(PERIOD).equalTo(col("_t_period")).and(col(SPLIT_VALUE).eqNullSafe(col("_t_key"))), "left")
          .join(sums, col(TOPIC_ID).equalTo(col("_topic")).and(col(PERIOD).equalTo(col("_s_period")))
              .and(col(SPLIT_VALUE).eqNullSafe(col("_s_key"))), "left")
          .select(col(TOPIC_ID), lit(split).alias(SPLIT), col(SPLIT_VALUE), col(PERIOD),
              when(total.gt(0), coalesce(col("_weight"), lit(0.0)).divide(total)).otherwise(lit(0.0)).alias(PREVALENCE),
              articles.alias(ARTICLES),
              when(total.gt(0), articles.divide(total)).otherwise(lit(0.0)).alias(SHARE),
              total.alias(PERIOD_ARTICLES));
      all = all == null ? series : all.unionByName(series);
    }
    Dataset<Row> terms = periodTerms(counted, models, surfaces, termsPerTopic);
    Dataset<Row> annotated = TrendStats.annotate(all, List.of(TOPIC_ID, SPLIT, SPLIT_VALUE), ARTICLES, PERIOD_ARTICLES,
        SHARE, trendsConfig);
    List<Column> out = new ArrayList<>(List.of(col(TOPIC_ID), col(SPLIT), col(SPLIT_VALUE), col(PERIOD), col(PREVALENCE),
        col(ARTICLES), col(SHARE), col(PERIOD_ARTICLES),
        when(col(SPLIT).equalTo("all"), coalesce(col(TERMS), array().cast(DataTypes.createArrayType(DataTypes.StringType))))
            .alias(TERMS)));
    TrendStats.COLUMNS.forEach(c -> out.add(col(c)));
    return annotated.join(terms, col(TOPIC_ID).equalTo(col("_pt_topic")).and(col(PERIOD).equalTo(col("_pt_period")))
            .and(col(SPLIT).equalTo(lit("all"))), "left")
        .select(out.toArray(Column[]::new))
        .orderBy(col(TOPIC_ID), col(SPLIT), col(SPLIT_VALUE), col(PERIOD));
  }

  private static final StructType PERIOD_TERM = new StructType()
      .add("_topic", DataTypes.IntegerType, false)
      .add(PERIOD, DataTypes.DateType, false)
      .add(TOPIC_MODEL_COLUMN, DataTypes.IntegerType, false)
      .add("_term", DataTypes.IntegerType, false)
      .add("_n", DataTypes.DoubleType, false)
      .add("_phi", DataTypes.DoubleType, false);

  /** (topic, period) → its most distinctive terms' display forms, best first. */
  static Dataset<Row> periodTerms(Dataset<Row> counted, List<TopicModel> models, Dataset<Row> surfaces, int n) {
    SparkSession spark = counted.sparkSession();
    double[][][] phi = models.stream().map(TopicModel::topicTerms).toArray(double[][][]::new);
    int[] offsets = models.stream().mapToInt(TopicModel::topicOffset).toArray();
    Broadcast<double[][][]> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(phi);
    Dataset<Row> input = counted.filter(col(TOPIC_WEIGHTS).isNotNull())
        .select(col(PERIOD), col(TOPIC_MODEL_COLUMN), col(TOPIC_WEIGHTS), col(TOPIC_COUNTS_COLUMN));
    Dataset<Row> expected = input.flatMap((FlatMapFunction<Row, Row>) r -> {
      int model = r.getInt(1);
      double[][] p = bc.value()[model];
      List<Double> theta = r.getList(2);
      Vector v = r.getAs(3);
      SparseVector s = v.toSparse();
      List<Row> out = new ArrayList<>();
      java.sql.Date date = r.getDate(0);
      for (int i = 0; i < s.indices().length; i++) {
        int w = s.indices()[i];
        double norm = 0;
        for (int t = 0; t < theta.size(); t++) {
          norm += theta.get(t) * p[t][w];
        }
        for (int t = 0; t < theta.size(); t++) {
          if (theta.get(t) >= MIN_PERIOD_WEIGHT && norm > 0) {
            out.add(RowFactory.create(offsets[model] + t, date, model, w, s.values()[i] * theta.get(t) * p[t][w] / norm,
                p[t][w]));
          }
        }
      }
      return out.iterator();
    }, Encoders.row(PERIOD_TERM));
    List<Row> vocab = new ArrayList<>();
    for (TopicModel m : models) {
      for (int w = 0; w < m.vocabulary().length; w++) {
        vocab.add(RowFactory.create(m.index(), w, m.vocabulary()[w]));
      }
    }
    Dataset<Row> vocabulary = spark.createDataFrame(vocab, new StructType().add("_v_model", DataTypes.IntegerType, false)
        .add("_v_term", DataTypes.IntegerType, false).add(STEM, DataTypes.StringType, false));
    Dataset<Row> summed = expected.groupBy(col("_topic"), col(PERIOD), col(TOPIC_MODEL_COLUMN), col("_term"))
        .agg(sum("_n").alias("_n"), first("_phi").alias("_phi"))
        .withColumn("_total", sum("_n").over(Window.partitionBy("_topic", PERIOD)))
        .filter(col("_n").geq(1.0))
        .withColumn("_score", col("_n").multiply(log(col("_n").divide(col("_total")).divide(col("_phi")))))
        .withColumn("_rank", row_number().over(Window.partitionBy("_topic", PERIOD).orderBy(col("_score").desc(), col("_term"))))
        .filter(col("_rank").leq(n));
    return summed.join(vocabulary, col(TOPIC_MODEL_COLUMN).equalTo(col("_v_model")).and(col("_term").equalTo(col("_v_term"))))
        .join(surfaces, col(STEM).equalTo(surfaces.col(TERM)), "left")
        .groupBy(col("_topic").alias("_pt_topic"), col(PERIOD).alias("_pt_period"))
        .agg(sort_array(collect_list(struct(col("_rank"), coalesce(col(SURFACE), col(STEM)).alias(TERM)))).alias("_ranked"))
        .select(col("_pt_topic"), col("_pt_period"), col("_ranked." + TERM).alias(TERMS));
  }
}
