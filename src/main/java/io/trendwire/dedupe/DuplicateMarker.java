package io.trendwire.dedupe;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.DUPLICATE_KIND;
import static io.trendwire.schema.Columns.DUPLICATE_OF;
import static io.trendwire.schema.Columns.DUPLICATE_SIMILARITY;
import static io.trendwire.schema.Columns.PUBLISHED;
import static io.trendwire.schema.Columns.TEXT;
import static io.trendwire.schema.Columns.TEXT_HASH;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import io.trendwire.config.DedupeConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.ml.feature.NGram;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.sql.types.StructType;

/**
 * Marks copies instead of dropping them, so reports can count originals or every copy.
 *
 * <p>Exact copies share the hash of their normalised text (lower case, runs of anything but
 * letters and digits collapsed to one space). Near-duplicates, such as syndicated wire copies with
 * another headline, a sentence added or a tail cut, are pairs whose sets of word shingles overlap
 * by at least {@code minSimilarity} (|A∩B| / size of the smaller set), found among the exact
 * originals with Spark ML's MinHash LSH. In both cases the earliest article (by published, then article_id) is the
 * original, and every other one points to it.
 *
 * <p>Input columns: article_id (unique), published, text. Output: the input plus text_hash,
 * duplicate_of (null for originals), duplicate_kind ("exact", "near" or null) and
 * duplicate_similarity (1.0 for exact copies, the shingle overlap for near ones).
 */
public final class DuplicateMarker implements AutoCloseable {
  /** Shingle hashes live in 2^20 buckets: collisions stay negligible for news-length texts. */
  private static final int SHINGLE_FEATURES = 1 << 20;
  private static final long SEED = 20240619L;

  /**
   * LSH candidates need this Jaccard similarity: a copy cut to a third of the original still has
   * it, and with 8 tables MinHash finds such a pair with probability 1 - (1 - 0.25)^8 = 0.9.
   */
  static final double CANDIDATE_JACCARD = 0.25;
  /** Texts with fewer distinct shingles are too short to call copies by overlap. */
  static final int MIN_SHINGLES = 8;

  private final DedupeConfig config;
  /** Intermediates read more than once by the plan; released by {@link #close()}. */
  private final List<Dataset<Row>> cached = new ArrayList<>();

  public DuplicateMarker(DedupeConfig config) {
    this.config = config;
  }

  /** Call once the marked dataset is materialised (persisted and counted). */
  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
    cached.clear();
  }

  private Dataset<Row> cache(Dataset<Row> df) {
    Dataset<Row> persisted = df.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(persisted);
    return persisted;
  }

  /** Both steps; the pipeline runs them as two stages so that the exact marks are computed once. */
  public Dataset<Row> mark(Dataset<Row> articles) {
    return markNear(markExact(articles));
  }

  /**
   * Exact copies. Input: article_id, published, text. Output: the input plus text_hash and
   * duplicate_of, duplicate_kind ("exact"), duplicate_similarity (1.0) for exact copies, null for
   * originals and everywhere when dedupe is disabled.
   */
  public Dataset<Row> markExact(Dataset<Row> articles) {
    Column normalised = trim(regexp_replace(lower(col(TEXT)), "[^\\p{L}\\p{N}]+", " "));
    Dataset<Row> hashed = articles.withColumn(TEXT_HASH, sha2(normalised, 256));
    if (!config.enabled()) {
      return hashed.withColumn(DUPLICATE_OF, lit(null).cast(DataTypes.StringType))
          .withColumn(DUPLICATE_KIND, lit(null).cast(DataTypes.StringType))
          .withColumn(DUPLICATE_SIMILARITY, lit(null).cast(DataTypes.DoubleType));
    }
    WindowSpec byHash = Window.partitionBy(TEXT_HASH).orderBy(col(PUBLISHED), col(ARTICLE_ID));
    return withExactKind(hashed
        .withColumn("_original", first(col(ARTICLE_ID)).over(byHash))
        .withColumn(DUPLICATE_OF, when(col("_original").notEqual(col(ARTICLE_ID)), col("_original")))
        .drop("_original"));
  }

  /**
   * Near copies among the exact originals. Input: the output of {@link #markExact}, read twice
   * (search and final join), so it should be materialised. Output: the same columns, with near
   * copies marked "near" and pointing to their original.
   */
  public Dataset<Row> markNear(Dataset<Row> exact) {
    if (!config.enabled() || !config.nearDuplicates()) {
      return exact;
    }
    // Small (one row per near copy) and joined twice: cached.
    Dataset<Row> near = cache(nearDuplicates(exact.filter(col(DUPLICATE_OF).isNull())));
    Dataset<Row> viaOriginal = near.select(col("_copy").alias("_orig_copy"), col("_near_of").alias("_orig_near_of"),
        col("_near_similarity").alias("_orig_similarity"));
    Dataset<Row> joined = exact
        .join(near, exact.col(ARTICLE_ID).equalTo(near.col("_copy")), "left")
        .join(viaOriginal, exact.col(DUPLICATE_OF).equalTo(viaOriginal.col("_orig_copy")), "left");
    // An exact original may itself be a near copy: then it points to its original, and so do its
    // exact copies (their text is the same, so is their similarity to that original).
    Column selfNear = col(DUPLICATE_OF).isNull().and(col("_near_of").isNotNull());
    Column originalNear = col(DUPLICATE_OF).isNotNull().and(col("_orig_near_of").isNotNull());
    return joined
        .withColumn(DUPLICATE_KIND, when(selfNear.or(originalNear), lit("near")).otherwise(col(DUPLICATE_KIND)))
        .withColumn(DUPLICATE_SIMILARITY, when(selfNear, col("_near_similarity"))
            .when(originalNear, col("_orig_similarity")).otherwise(col(DUPLICATE_SIMILARITY)))
        .withColumn(DUPLICATE_OF, when(selfNear, col("_near_of")).when(originalNear, col("_orig_near_of"))
            .otherwise(col(DUPLICATE_OF)))
        .drop("_copy", "_near_of", "_near_similarity", "_orig_copy", "_orig_near_of", "_orig_similarity");
  }

  private static Dataset<Row> withExactKind(Dataset<Row> df) {
    Column isExact = col(DUPLICATE_OF).isNotNull();
    return df.withColumn(DUPLICATE_KIND, when(isExact, lit("exact")))
        .withColumn(DUPLICATE_SIMILARITY, when(isExact, lit(1.0)));
  }

  /**
   * MinHash's fit only reads the vector size from the first row and draws its hash functions from
   * the seed; fitting on one empty vector of that size spares a job that would compute the whole
   * upstream plan just to look at one row.
   */
  private static Dataset<Row> shapeOnly(SparkSession spark) {
    StructType schema = new StructType().add("_features", new VectorUDT(), false);
    Row row = RowFactory.create(Vectors.sparse(SHINGLE_FEATURES, new int[] {0}, new double[] {1.0}));
    return spark.createDataFrame(List.of(row), schema);
  }

  /**
   * Overlap coefficient |A∩B| / min(|A|, |B|) from the Jaccard similarity J and the set sizes,
   * since |A∩B| = J (|A| + |B|) / (1 + J). Unlike Jaccard it stays high when one copy is a
   * truncation of the other, the commonest wire edit.
   */
  static Column overlap(Column jaccard, Column sizeA, Column sizeB) {
    Column intersection = jaccard.multiply(sizeA.plus(sizeB)).divide(jaccard.plus(1.0));
    return intersection.divide(least(sizeA, sizeB));
  }

  /**
   * For each near-duplicate among {@code originals}: _copy (its id), _near_of (the earliest
   * article it is a copy of, followed one step further when that one is itself a copy) and
   * _near_similarity.
   */
  private Dataset<Row> nearDuplicates(Dataset<Row> originals) {
    Dataset<Row> tokens = new RegexTokenizer().setInputCol(TEXT).setOutputCol("_tokens")
        .setPattern("[^\\p{L}\\p{N}]+").setToLowercase(true).setMinTokenLength(1)
        .transform(originals.select(col(ARTICLE_ID), col(PUBLISHED), col(TEXT)));
    Dataset<Row> allShingles = new NGram().setN(config.shingleWords()).setInputCol("_tokens").setOutputCol("_all")
        .transform(tokens).withColumn("_all", array_distinct(col("_all")));
    // Boilerplate shingles ("the company said", "blah blah blah") would become the minimum hash of
    // thousands of articles and put them all in one LSH bucket: quadratic candidate pairs for no
    // copies found. Shingles in more articles than the cap are left out of the sets.
    Dataset<Row> common = allShingles.select(explode(col("_all")).alias("_shingle"))
        .groupBy("_shingle").count().filter(col("count").gt(config.maxShingleArticles()))
        .agg(collect_list("_shingle").alias("_common"));
    Dataset<Row> shingles = allShingles.crossJoin(broadcast(common))
        .withColumn("_shingles", array_except(col("_all"), coalesce(col("_common"), array().cast("array<string>"))))
        .drop("_all", "_common")
        .filter(size(col("_shingles")).geq(MIN_SHINGLES));
    Dataset<Row> vectors = new HashingTF().setInputCol("_shingles").setOutputCol("_features")
        .setNumFeatures(SHINGLE_FEATURES).setBinary(true)
        .transform(shingles)
        .withColumn("_size", size(col("_shingles")))
        .select(ARTICLE_ID, PUBLISHED, "_size", "_features");
    MinHashLSHModel lsh = new MinHashLSH().setInputCol("_features").setOutputCol("_hashes")
        .setNumHashTables(config.hashTables()).setSeed(SEED).fit(shapeOnly(vectors.sparkSession()));
    // Both sides of the self-join: cached so tokenising and hashing run once.
    Dataset<Row> hashedVectors = cache(lsh.transform(vectors));
    Dataset<Row> pairs = lsh.approxSimilarityJoin(hashedVectors, hashedVectors, 1.0 - CANDIDATE_JACCARD, "_distance")
        .select(col("datasetA." + ARTICLE_ID).alias("_a"), col("datasetA." + PUBLISHED).alias("_a_published"),
            col("datasetB." + ARTICLE_ID).alias("_b"), col("datasetB." + PUBLISHED).alias("_b_published"),
            overlap(expr("1.0 - _distance"), col("datasetA._size"), col("datasetB._size")).alias("_overlap"))
        .filter(col("_overlap").geq(config.minSimilarity()))
        // Keep each pair once, pointing from the later article to the earlier one.
        .filter(col("_a_published").lt(col("_b_published"))
            .or(col("_a_published").equalTo(col("_b_published")).and(col("_a").lt(col("_b")))));
    Dataset<Row> earliest = pairs.groupBy(col("_b").alias("_copy"))
        .agg(min_by(struct(col("_a").alias("id"), col("_overlap").alias("sim")),
            struct(col("_a_published"), col("_a"))).alias("_m"))
        .select(col("_copy"), col("_m.id").alias("_near_of"), col("_m.sim").alias("_near_similarity"));
    // A copy of a copy points to the first original of the chain (one step is enough for wire
    // chains: the first copy already points to the earliest article it matches).
    Dataset<Row> step = earliest.select(col("_copy").alias("_via"), col("_near_of").alias("_via_of"));
    return earliest.join(step, earliest.col("_near_of").equalTo(step.col("_via")), "left")
        .select(col("_copy"), coalesce(col("_via_of"), col("_near_of")).alias("_near_of"), col("_near_similarity"));
  }
}
