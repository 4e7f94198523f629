package io.trendwire.ingest;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.RECORD;
import static io.trendwire.schema.Columns.SOURCE_FILE;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Makes article ids unique. Inputs repeat their own ids (KCNA lists one story under several
 * menus; a corpus copied twice repeats every id); the first record, by source file and record
 * number, keeps the id and the others get "#2", "#3", ... so every row stays addressable and
 * deterministic across runs.
 *
 * <p>Input and output: any dataset with article_id, source_file and record; only article_id changes.
 */
public final class ArticleIds {
  private ArticleIds() {}

  public static Dataset<Row> uniquify(Dataset<Row> articles) {
    Dataset<Row> numbered = articles.withColumn("_n",
        row_number().over(Window.partitionBy(ARTICLE_ID).orderBy(col(SOURCE_FILE), col(RECORD))));
    return numbered.withColumn(ARTICLE_ID,
        when(col("_n").equalTo(1), col(ARTICLE_ID)).otherwise(concat(col(ARTICLE_ID), lit("#"), col("_n").cast("string"))))
        .drop("_n");
  }
}
