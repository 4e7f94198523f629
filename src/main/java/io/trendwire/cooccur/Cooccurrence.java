package io.trendwire.cooccur;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.CooccurConfig;
import io.trendwire.config.TrendsConfig;
import io.trendwire.entities.EntityType;
import io.trendwire.trends.Series;
import io.trendwire.trends.TrendStats;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Entity co-occurrence in two scopes. A unit is what two entities co-occur in: an article
 * (scope "document") or a sentence of one field of an article (scope "sentence", mentions with
 * the same field and sentence index). Per article only its top K entities pair up, so an article
 * costs at most K(K-1)/2 pair rows whatever its length.
 */
public final class Cooccurrence {
  public static final String DOCUMENT = "document";
  public static final String SENTENCE = "sentence";
  private static final String ENTITIES_COL = "_entities";
  private static final String PAIR = "_pair";

  private Cooccurrence() {}

  /**
   * The entity each mention counts for in co-occurrence. Input: mentions/ rows (article_id,
   * entity_id, type, country, field, sentence, start, period). Output: article_id, period,
   * entity_id, field, sentence, start; cities and regions replaced by their country
   * ("country:" + ISO code) when {@code rollUp} (places without a country stay themselves);
   * candidates dropped unless {@code candidates}.
   */
  public static Dataset<Row> entityKeys(Dataset<Row> mentions, CooccurConfig config) {
    Dataset<Row> kept = config.candidates() ? mentions
        : mentions.filter(col(TYPE).notEqual(lit(EntityType.CANDIDATE.name())));
    Column place = col(TYPE).isin(EntityType.CITY.name(), EntityType.REGION.name()).and(col(COUNTRY).isNotNull());
    Column key = config.rollUp() ? when(place, concat(lit("country:"), col(COUNTRY))).otherwise(col(ENTITY_ID))
        : col(ENTITY_ID);
    return kept.select(col(ARTICLE_ID), col(PERIOD), key.alias(ENTITY_ID), col(FIELD), col(SENTENCE), col(START));
  }

  /**
   * The units of both scopes, each with the sorted set of the article's top-K entities in it.
   * An article's top K: most mentions first, ties broken by the earliest first mention (title
   * before text, then character offset), then by entity id, so the choice is deterministic.
   * Input: {@link #entityKeys}. Output: scope, article_id, period, _entities (sorted array).
   */
  public static Dataset<Row> units(Dataset<Row> keys, int topK) {
    Dataset<Row> perEntity = keys.groupBy(ARTICLE_ID, ENTITY_ID).agg(count(lit(1)).alias("_n"),
        min(expr("named_struct('t', if(" + FIELD + " = 'title', 0, 1), 's', `" + START + "`)")).alias("_first"));
    Dataset<Row> top = perEntity
        .withColumn("_rank", row_number().over(Window.partitionBy(ARTICLE_ID)
            .orderBy(col("_n").desc(), col("_first").asc(), col(ENTITY_ID).asc())))
        .filter(col("_rank").leq(topK)).select(ARTICLE_ID, ENTITY_ID);
    Dataset<Row> kept = keys.join(top, seq(ARTICLE_ID, ENTITY_ID), "left_semi");
    Dataset<Row> documents = kept.groupBy(ARTICLE_ID, PERIOD)
        .agg(array_sort(collect_set(ENTITY_ID)).alias(ENTITIES_COL))
        .select(lit(DOCUMENT).alias(SCOPE), col(ARTICLE_ID), col(PERIOD), col(ENTITIES_COL));
    Dataset<Row> sentences = kept.groupBy(ARTICLE_ID, PERIOD, FIELD, SENTENCE)
        .agg(array_sort(collect_set(ENTITY_ID)).alias(ENTITIES_COL))
        .select(lit(SENTENCE).alias(SCOPE), col(ARTICLE_ID), col(PERIOD), col(ENTITIES_COL));
    return documents.unionByName(sentences);
  }

  /**
   * Pair occurrences per article. Input: {@link #units}. Output: scope, period, article_id,
   * entity_a, entity_b (entity_a < entity_b), units_ab (units of the article with both: 1 in
   * the document scope, the sentences with both in the sentence scope).
   */
  public static Dataset<Row> pairArticles(Dataset<Row> units) {
    // Every i < j of the sorted set: entity_a < entity_b by construction.
    Column pairs = expr("flatten(transform(" + ENTITIES_COL + ", (x, i) -> transform(slice(" + ENTITIES_COL
        + ", i + 2, size(" + ENTITIES_COL + ")), y -> named_struct('a', x, 'b', y))))");
    return units.filter(expr("size(" + ENTITIES_COL + ") >= 2"))
        .select(col(SCOPE), col(PERIOD), col(ARTICLE_ID), explode(pairs).alias(PAIR))
        .groupBy(col(SCOPE), col(PERIOD), col(ARTICLE_ID), col(PAIR + ".a").alias(ENTITY_A), col(PAIR + ".b").alias(ENTITY_B))
        .agg(count(lit(1)).alias(UNITS_AB));
  }

  /**
   * Units per scope, period and entity. Input: {@link #units}. Output: scope, period, entity_id,
   * units.
   */
  public static Dataset<Row> marginals(Dataset<Row> units) {
    return units.select(col(SCOPE), col(PERIOD), explode(col(ENTITIES_COL)).alias(ENTITY_ID))
        .groupBy(SCOPE, PERIOD, ENTITY_ID).agg(count(lit(1)).alias(UNITS));
  }

  /**
   * Units per scope and period: all counted articles of the period for the document scope
   * (articles without entities included), the sentences with at least one top-K entity for the
   * sentence scope (the text's other sentences are not known to this stage). Input:
   * {@link #units}, counted articles (article_id, period). Output: scope, period, units,
   * period_articles.
   */
  public static Dataset<Row> totals(Dataset<Row> units, Dataset<Row> countedArticles) {
    Dataset<Row> articles = countedArticles.groupBy(PERIOD).agg(count(lit(1)).alias(PERIOD_ARTICLES));
    Dataset<Row> sentences = units.filter(col(SCOPE).equalTo(SENTENCE)).groupBy(PERIOD).agg(count(lit(1)).alias("_s"));
    Dataset<Row> doc = articles.select(lit(DOCUMENT).alias(SCOPE), col(PERIOD), col(PERIOD_ARTICLES).alias(UNITS),
        col(PERIOD_ARTICLES));
    Dataset<Row> sent = articles.join(sentences, seq(PERIOD), "left").select(lit(SENTENCE).alias(SCOPE), col(PERIOD),
        coalesce(col("_s"), lit(0L)).alias(UNITS), col(PERIOD_ARTICLES));
    return doc.unionByName(sent);
  }

  /**
   * pairs/: one row per pair and scope over the whole corpus, for pairs co-mentioned in at least
   * {@code minSupport} articles. Input: {@link #pairArticles}, {@link #marginals},
   * {@link #totals}, names (entity_id, name). Output: entity_a, entity_b, name_a, name_b, scope,
   * articles, units_ab, units_a, units_b, units, pmi, npmi, llr, lift (see {@link PairMeasures}),
   * ordered by scope and llr, strongest first.
   */
  public static Dataset<Row> pairs(Dataset<Row> pairArticles, Dataset<Row> marginals, Dataset<Row> totals,
      Dataset<Row> names, int minSupport) {
    Dataset<Row> counts = pairArticles.groupBy(SCOPE, ENTITY_A, ENTITY_B)
        .agg(count(lit(1)).alias(ARTICLES), sum(UNITS_AB).alias(UNITS_AB))
        .filter(col(ARTICLES).geq(minSupport));
    Dataset<Row> margins = marginals.groupBy(SCOPE, ENTITY_ID).agg(sum(UNITS).alias(UNITS));
    Dataset<Row> n = totals.groupBy(SCOPE).agg(sum(UNITS).alias(UNITS));
    return measured(withNames(counts, names)
        .join(margins.select(col(SCOPE), col(ENTITY_ID).alias(ENTITY_A), col(UNITS).alias(UNITS_A)), seq(SCOPE, ENTITY_A))
        .join(margins.select(col(SCOPE), col(ENTITY_ID).alias(ENTITY_B), col(UNITS).alias(UNITS_B)), seq(SCOPE, ENTITY_B))
        .join(n, seq(SCOPE)), List.of(col(ARTICLES)))
        .orderBy(col(SCOPE), col(LLR).desc(), col(ENTITY_A), col(ENTITY_B));
  }

  /**
   * pair_trends/: pair × scope × period, complete series for the pairs co-mentioned in at least
   * {@code minSupport} articles of the scope. Input as {@link #pairs} plus the corpus periods.
   * Output: entity_a, entity_b, name_a, name_b, scope, period, articles, period_articles, share
   * (articles / all counted articles of the period), units_ab, units_a, units_b, units, pmi,
   * npmi, llr, lift (within the period) and the {@link TrendStats#COLUMNS}.
   */
  public static Dataset<Row> pairTrends(Dataset<Row> pairArticles, Dataset<Row> marginals, Dataset<Row> totals,
      Dataset<Row> names, Dataset<Row> periods, int minSupport, TrendsConfig config) {
    Dataset<Row> perPeriod = pairArticles.groupBy(SCOPE, ENTITY_A, ENTITY_B, PERIOD)
        .agg(count(lit(1)).alias(ARTICLES), sum(UNITS_AB).alias(UNITS_AB));
    Dataset<Row> kept = perPeriod.groupBy(SCOPE, ENTITY_A, ENTITY_B).agg(sum(ARTICLES).alias("_n"))
        .filter(col("_n").geq(minSupport)).drop("_n");
    Dataset<Row> grid = withNames(kept, names).crossJoin(periods)
        .join(perPeriod, seq(SCOPE, ENTITY_A, ENTITY_B, PERIOD), "left")
        .join(marginals.select(col(SCOPE), col(PERIOD), col(ENTITY_ID).alias(ENTITY_A), col(UNITS).alias(UNITS_A)),
            seq(SCOPE, PERIOD, ENTITY_A), "left")
        .join(marginals.select(col(SCOPE), col(PERIOD), col(ENTITY_ID).alias(ENTITY_B), col(UNITS).alias(UNITS_B)),
            seq(SCOPE, PERIOD, ENTITY_B), "left")
        .join(totals, seq(SCOPE, PERIOD), "left")
        .na().fill(0L, new String[] {ARTICLES, UNITS_AB, UNITS_A, UNITS_B, UNITS, PERIOD_ARTICLES});
    Column share = when(col(PERIOD_ARTICLES).gt(0), col(ARTICLES).divide(col(PERIOD_ARTICLES))).otherwise(lit(0.0));
    Dataset<Row> series = measured(grid, List.of(col(PERIOD), col(ARTICLES), col(PERIOD_ARTICLES), share.alias(SHARE)));
    return TrendStats.annotate(series, List.of(ENTITY_A, ENTITY_B, SCOPE), ARTICLES, PERIOD_ARTICLES, SHARE, config)
        .orderBy(col(SCOPE), col(ENTITY_A), col(ENTITY_B), col(PERIOD));
  }

  /**
   * pair_trends_split/: pair series by language and by source (articles and share within the
   * language or source; no association measures). Input: {@link #pairArticles}, names, articles
   * split by {@link Series#splitArticles}, the corpus periods. Output: entity_a, entity_b, name_a,
   * name_b, scope, split, split_value, period, articles, period_articles, share and the
   * {@link TrendStats#COLUMNS}.
   */
  public static Dataset<Row> pairTrendsSplit(Dataset<Row> pairArticles, Dataset<Row> names, Dataset<Row> splitArticles,
      Dataset<Row> periods, int minSupport, TrendsConfig config) {
    List<String> keys = List.of(ENTITY_A, ENTITY_B, SCOPE);
    Dataset<Row> series = Series.complete(pairArticles.select(ENTITY_A, ENTITY_B, SCOPE, ARTICLE_ID), keys,
        splitArticles, List.of(SPLIT, SPLIT_VALUE), periods, minSupport);
    Dataset<Row> named = withNames(series, names).select(ENTITY_A, ENTITY_B, NAME_A, NAME_B, SCOPE, SPLIT, SPLIT_VALUE,
        PERIOD, ARTICLES, PERIOD_ARTICLES, SHARE);
    return TrendStats.annotate(named, List.of(ENTITY_A, ENTITY_B, SCOPE, SPLIT, SPLIT_VALUE), ARTICLES,
            PERIOD_ARTICLES, SHARE, config)
        .orderBy(col(SCOPE), col(ENTITY_A), col(ENTITY_B), col(SPLIT), col(SPLIT_VALUE), col(PERIOD));
  }

  /** name_a and name_b from names (entity_id, name); the id itself when the entity has no name. */
  private static Dataset<Row> withNames(Dataset<Row> pairs, Dataset<Row> names) {
    Dataset<Row> a = names.select(col(ENTITY_ID).alias("_na_id"), col(NAME).alias("_na"));
    Dataset<Row> b = names.select(col(ENTITY_ID).alias("_nb_id"), col(NAME).alias("_nb"));
    return pairs.join(a, col(ENTITY_A).equalTo(col("_na_id")), "left")
        .join(b, col(ENTITY_B).equalTo(col("_nb_id")), "left")
        .withColumn(NAME_A, coalesce(col("_na"), col(ENTITY_A)))
        .withColumn(NAME_B, coalesce(col("_nb"), col(ENTITY_B)))
        .drop("_na_id", "_na", "_nb_id", "_nb");
  }

  /** The pair columns in contract order, the {@code middle} columns after scope, then the measures. */
  private static Dataset<Row> measured(Dataset<Row> df, List<Column> middle) {
    Column ab = col(UNITS_AB);
    Column a = col(UNITS_A);
    Column b = col(UNITS_B);
    Column n = col(UNITS);
    List<Column> out = new java.util.ArrayList<>(List.of(col(ENTITY_A), col(ENTITY_B), col(NAME_A), col(NAME_B),
        col(SCOPE)));
    out.addAll(middle);
    out.addAll(List.of(ab, a, b, n, PairMeasures.pmi(ab, a, b, n).alias(PMI), PairMeasures.npmi(ab, a, b, n).alias(NPMI),
        PairMeasures.llr(ab, a, b, n).alias(LLR), PairMeasures.lift(ab, a, b, n).alias(LIFT)));
    return df.select(out.toArray(Column[]::new));
  }

  static scala.collection.immutable.Seq<String> seq(String... names) {
    return scala.jdk.javaapi.CollectionConverters.asScala(List.of(names)).toList();
  }
}
