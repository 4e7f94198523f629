package io.trendwire;

import static io.trendwire.schema.Columns.ARTICLE_ID;
import static io.trendwire.schema.Columns.DETAIL;
import static io.trendwire.schema.Columns.REASON;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * End-to-end {@link TrendWireJob#run} with every config in conf/ on its real corpus (the runs
 * are shared with the other tests that read them, see {@link ReportRuns}): the record
 * accounting adds up to the counts the corpora's READMEs verified, and every reject has a reason.
 */
class CorpusRunsTest {
  private JsonNode runConf(String name, long expectedRead) throws IOException {
    ReportRuns.Run run = ReportRuns.get(name);
    Path out = run.folder();
    RunSummary summary = run.summary();
    SparkSession spark = SparkTestSession.get();

    JsonNode manifest = new ObjectMapper().readTree(Files.readString(out.resolve("_manifest.json")));
    JsonNode counts = manifest.get("counts");
    long read = counts.get("read").asLong();
    long accepted = counts.get("accepted").asLong();
    long rejected = counts.get("rejected").asLong();
    assertEquals(expectedRead, read, name + ": records read");
    assertEquals(read, accepted + rejected, name + ": read = accepted + rejected");
    assertEquals(summary.read(), read, name + ": summary and manifest agree");

    Dataset<Row> articles = spark.read().parquet(out.resolve("articles").toString());
    Dataset<Row> rejects = spark.read().parquet(out.resolve("rejects").toString());
    assertEquals(accepted, articles.count(), name + ": articles/ rows");
    assertEquals(rejected, rejects.count(), name + ": rejects/ rows");
    assertEquals(accepted, articles.select(ARTICLE_ID).distinct().count(), name + ": article ids are unique");
    assertEquals(0, rejects.filter(col(REASON).isNull().or(col(DETAIL).isNull())).count(),
        name + ": every reject has a reason and a detail");
    assertEquals(1, manifest.get("schema_version").asInt(), name + ": schema version");
    return counts;
  }

  @Test
  void sampleCorpus() throws IOException {
    JsonNode counts = runConf("sample", 185);
    assertEquals(6, counts.get("rejected").asLong(), "the six broken records of bad-records.jsonl");
    for (String reason : new String[] {"MALFORMED_JSON", "MISSING_DATE", "INVALID_DATE", "EMPTY_TEXT",
        "NOT_AN_OBJECT", "INVALID_UTF8"}) {
      assertEquals(1, counts.get("rejected_by_reason").path(reason).asLong(), "one " + reason);
    }
    assertEquals(3, counts.get("duplicates_by_kind").path("exact").asLong(), "the three exact copies (data/README.md)");
    assertEquals(6, counts.get("duplicates_by_kind").path("near").asLong(), "the six wire copies (data/README.md)");
  }

  @Test
  void seedArticle() throws IOException {
    SparkTestSession.shared();
    JsonNode counts = runConf("seed", 1);
    assertEquals(1, counts.get("articles_by_language").path("it").asLong(), "the seed is detected as Italian");
  }

  @Test
  void kcna() throws IOException {
    SparkTestSession.corpora();
    runConf("kcna", 2111);
  }

  @Test
  void reuters() throws IOException {
    SparkTestSession.corpora();
    JsonNode counts = runConf("reuters", 21578);
    assertTrue(counts.get("rejected").asLong() < 10, "Reuters is clean but for a few impossible dates: " + counts);
  }

  @Test
  void fundus() throws IOException {
    SparkTestSession.corpora();
    runConf("fundus", 258);
  }

  @Test
  void ukraine() throws IOException {
    SparkTestSession.corpora();
    runConf("ukraine", 447);
  }
}
