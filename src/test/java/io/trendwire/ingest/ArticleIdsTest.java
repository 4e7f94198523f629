package io.trendwire.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trendwire.SparkTestSession;
import io.trendwire.schema.Columns;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ArticleIdsTest {
  @Test
  void repeatedIdsGetSuffixesInSourceFileAndRecordOrder() {
    StructType schema = new StructType()
        .add(Columns.SOURCE_FILE, DataTypes.StringType, false)
        .add(Columns.RECORD, DataTypes.LongType, false)
        .add(Columns.ARTICLE_ID, DataTypes.StringType, true)
        .add("other", DataTypes.StringType, true);
    List<Row> rows = List.of(
        RowFactory.create("b.json", 1L, "x", "b1"),
        RowFactory.create("a.json", 10L, "x", "a10"),
        RowFactory.create("a.json", 2L, "x", "a2"),
        RowFactory.create("a.json", 3L, "y", "a3"));
    Dataset<Row> in = SparkTestSession.get().createDataFrame(rows, schema);
    Dataset<Row> out = ArticleIds.uniquify(in);
    assertEquals(List.of(schema.fieldNames()), List.of(out.schema().fieldNames()), "same columns in the same order");
    Map<String, String> idByOther = new TreeMap<>();
    out.collectAsList().forEach(r -> idByOther.put(r.getString(3), r.getString(2)));
    assertEquals(Map.of("a2", "x", "a10", "x#2", "b1", "x#3", "a3", "y"), idByOther,
        "first by (source_file, record) keeps the id; later copies get #2, #3");
  }
}
