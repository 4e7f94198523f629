package io.trendwire.entities;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.Period;
import io.trendwire.trends.Series;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The entity datasets of the report, from articles linked by {@link EntityLinker}. */
public final class EntityReports {
  private EntityReports() {}

  /**
   * mentions/: one row per mention. Input: linked articles (article_id, period, _mentions). Output:
   * article_id, entity_id, name, type, country, surface, field, sentence, start, end, method, kind,
   * period.
   */
  public static Dataset<Row> mentions(Dataset<Row> linked) {
    return linked.select(col(ARTICLE_ID), col(PERIOD), explode(col(MENTIONS_STRUCTS)).alias("m")).select(col(ARTICLE_ID),
        col("m." + ENTITY_ID), col("m." + NAME), col("m." + TYPE), col("m." + COUNTRY), col("m." + SURFACE),
        col("m." + FIELD), col("m." + SENTENCE), col("m." + START), col("m." + END), col("m." + METHOD),
        col("m." + KIND), col(PERIOD));
  }

  /**
   * entities/: one row per entity mentioned in the counted articles (originals unless
   * {@code countCopies}), ranked by articles. Candidates (type CANDIDATE, name = their most
   * frequent spelling) need {@code minCandidateArticles}. Input: mentions/ rows with the
   * article's duplicate_of. Output: entity_id, name, type, country, wikidata_id, articles, mentions.
   */
  public static Dataset<Row> entities(Dataset<Row> countedMentions, Dataset<Row> gazetteer, int minCandidateArticles) {
    Dataset<Row> counts = countedMentions.groupBy(ENTITY_ID).agg(
        countDistinct(ARTICLE_ID).alias(ARTICLES), count(lit(1)).alias(MENTIONS),
        first(TYPE).alias(TYPE), first(COUNTRY).alias("_country"), mode(col(SURFACE)).alias("_surface"),
        first(NAME).alias("_name"));
    // The gazetteer's country, not the mention's: people and organisations have one too.
    return counts.join(gazetteer.select(col(ENTITY_ID).alias("_gid"), col(COUNTRY).alias("_gcountry"), col(WIKIDATA_ID)),
            counts.col(ENTITY_ID).equalTo(col("_gid")), "left")
        .filter(col(TYPE).notEqual(lit(EntityType.CANDIDATE.name())).or(col(ARTICLES).geq(minCandidateArticles)))
        .select(col(ENTITY_ID),
            when(col(TYPE).equalTo(EntityType.CANDIDATE.name()), col("_surface")).otherwise(col("_name")).alias(NAME),
            col(TYPE), coalesce(col("_gcountry"), col("_country")).alias(COUNTRY), col(WIKIDATA_ID), col(ARTICLES),
            col(MENTIONS))
        .orderBy(col(ARTICLES).desc(), col(MENTIONS).desc(), col(ENTITY_ID));
  }

  /**
   * entity_trends/: entity × period with complete series (empty periods are zero rows) for the
   * entities of {@code entities} with at least {@code minArticles} articles. share = the entity's
   * articles / all counted articles of the period. Input: counted mentions (article_id,
   * entity_id, period), counted articles (article_id, period). Output: entity_id, name, period,
   * articles, mentions, share.
   */
  public static Dataset<Row> trends(Dataset<Row> countedMentions, Dataset<Row> countedArticles, Dataset<Row> entities,
      Period period, int minArticles) {
    Dataset<Row> totals = countedArticles.groupBy(col(PERIOD).alias("_t_period")).agg(count(lit(1)).alias("_total"));
    Dataset<Row> grid = entities.filter(col(ARTICLES).geq(minArticles)).select(ENTITY_ID, NAME)
        .crossJoin(Series.allPeriods(countedArticles, period));
    Dataset<Row> counts = countedMentions.groupBy(col(ENTITY_ID).alias("_c_entity"), col(PERIOD).alias("_c_period"))
        .agg(countDistinct(ARTICLE_ID).alias("_articles"), count(lit(1)).alias("_mentions"));
    Column articles = coalesce(col("_articles"), lit(0L));
    return grid
        .join(counts, col(ENTITY_ID).equalTo(col("_c_entity")).and(col(PERIOD).equalTo(col("_c_period"))), "left")
        .join(totals, col(PERIOD).equalTo(col("_t_period")), "left")
        .select(col(ENTITY_ID), col(NAME), col(PERIOD), articles.alias(ARTICLES),
            coalesce(col("_mentions"), lit(0L)).alias(MENTIONS),
            when(coalesce(col("_total"), lit(0L)).gt(0), articles.divide(col("_total"))).otherwise(lit(0.0)).alias(SHARE))
        .orderBy(col(ENTITY_ID), col(PERIOD));
  }

  /**
   * The gazetteer's entities as a small dataset, for names and Wikidata ids in reports. Built on
   * the executors from a broadcast of the three columns: a local relation of the whole gazetteer
   * would travel inside every task that reads it (Spark warns of a "task of very large size").
   */
  public static Dataset<Row> gazetteerTable(SparkSession spark, EntityMatcher matcher) {
    List<GazetteerEntity> entities = matcher.entities();
    int n = entities.size();
    String[][] columns = new String[3][n];
    for (int i = 0; i < n; i++) {
      GazetteerEntity e = entities.get(i);
      columns[0][i] = e.id();
      columns[1][i] = e.country();
      columns[2][i] = e.wikidataId();
    }
    Broadcast<String[][]> table = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(columns);
    StructType schema = new StructType().add(ENTITY_ID, DataTypes.StringType, false)
        .add(COUNTRY, DataTypes.StringType, true).add(WIKIDATA_ID, DataTypes.StringType, true);
    return spark.range(0, n, 1, Math.max(1, Math.min(spark.sparkContext().defaultParallelism(), n / 5000)))
        .map((MapFunction<Long, Row>) i -> {
          String[][] c = table.value();
          int k = i.intValue();
          return RowFactory.create(c[0][k], c[1][k], c[2][k]);
        }, Encoders.row(schema));
  }
}
