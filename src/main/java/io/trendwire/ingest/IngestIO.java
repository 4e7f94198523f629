package io.trendwire.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trendwire.config.InputConfig;
import io.trendwire.config.InputFormat;
import io.trendwire.schema.ReportSchemas;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.GlobFilter;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.DataTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest edge: finds the input files, reads every record with the format's reader on the
 * executors, and maps it to an article or a reject with {@link ArticleParser}.
 *
 * <p>Output: {@link ReportSchemas#PARSED_RECORD}, one row per input record (blank lines of JSON
 * Lines files are not records). Files are the unit of parallelism: each is read by one task, so
 * inputs should come as many files (as corpus dumps usually do); a file that cannot be opened at
 * all becomes one UNREADABLE_FILE reject with record 0.
 */
public final class IngestIO {
  private static final Logger LOG = LoggerFactory.getLogger(IngestIO.class);
  /** Thread-safe once configured; one per JVM rather than one per Parquet row. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestIO() {}

  public static Dataset<Row> readRecords(SparkSession spark, InputConfig in, int rejectRawChars, Instant runStart) {
    Configuration hadoopConf = spark.sparkContext().hadoopConfiguration();
    List<FileStatus> files = listFiles(in, hadoopConf);
    long bytes = files.stream().mapToLong(FileStatus::getLen).sum();
    LOG.info("Input: {} file(s), {} bytes, format {}", files.size(), bytes, in.format().id());
    ArticleParser parser = new ArticleParser(in, rejectRawChars, runStart);
    if (in.format() == InputFormat.PARQUET) {
      return readParquet(spark, files, parser, hadoopConf);
    }
    Map<String, Map<String, String>> sidecar = in.sidecar() == null ? Map.of() : readSidecar(in.sidecar(), hadoopConf);
    // Largest files first, so the long tasks start early and the tail of the stage is short.
    List<String> paths = files.stream().sorted(Comparator.comparingLong(FileStatus::getLen).reversed())
        .map(f -> f.getPath().toString()).toList();
    Map<String, String> confEntries = new HashMap<>();
    hadoopConf.forEach(e -> confEntries.put(e.getKey(), e.getValue()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(paths.size(), jsc.defaultParallelism() * 4));
    JavaRDD<Row> rows = jsc.parallelize(paths, slices).flatMap(path -> {
      Configuration conf = new Configuration(false);
      confEntries.forEach(conf::set);
      RecordReader reader = RecordReaders.forConfig(in, sidecar);
      return readFile(reader, new HadoopInputFile(new Path(path), conf), parser);
    });
    return spark.createDataFrame(rows, ReportSchemas.PARSED_RECORD);
  }

  private static Iterator<Row> readFile(RecordReader reader, InputFile file, ArticleParser parser) {
    Iterator<RawRecord> records;
    try {
      records = reader.read(file);
    } catch (IOException | RuntimeException e) {
      // Whatever a reader throws for this file ends as one reject; the job goes on.
      return Collections.singletonList(parser.toRow(RawRecord.rejected(file.path(), 0, null,
          RejectReason.UNREADABLE_FILE, String.valueOf(e.getMessage())))).iterator();
    }
    return new Iterator<>() {
      boolean failed;
      long emitted;

      @Override
      public boolean hasNext() {
        if (failed) {
          return false;
        }
        try {
          return records.hasNext();
        } catch (RuntimeException e) {
          // A stream that breaks mid-file (truncated gzip, I/O error) ends the file with one reject.
          failed = true;
          Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
          pending = parser.toRow(RawRecord.rejected(file.path(), emitted + 1, null, RejectReason.UNREADABLE_FILE,
              "reading stopped: " + cause.getMessage()));
          return true;
        }
      }

      Row pending;

      @Override
      public Row next() {
        if (pending != null) {
          emitted++;
          Row r = pending;
          pending = null;
          return r;
        }
        emitted++;
        return parser.toRow(records.next());
      }
    };
  }

  /**
   * Parquet keeps its own schema: every column becomes a string field, nested ones as JSON. A file
   * whose footer cannot be read (truncated, not Parquet at all) becomes one UNREADABLE_FILE reject
   * with record 0, as with the other formats, rather than failing the whole job; the footers are
   * checked by a Spark job, one task per slice of files, so the driver reads no file itself.
   */
  private static Dataset<Row> readParquet(SparkSession spark, List<FileStatus> files, ArticleParser parser,
      Configuration hadoopConf) {
    Map<String, String> unreadable = unreadableParquetFiles(spark, files, hadoopConf);
    List<Row> rejects = new ArrayList<>();
    unreadable.forEach((path, message) -> {
      LOG.warn("Unreadable Parquet file {}: {}", path, message);
      rejects.add(parser.toRow(RawRecord.rejected(path, 0, null, RejectReason.UNREADABLE_FILE, message)));
    });
    Dataset<Row> rejected = spark.createDataFrame(rejects, ReportSchemas.PARSED_RECORD);
    String[] readable = files.stream().map(f -> f.getPath().toString()).filter(p -> !unreadable.containsKey(p))
        .toArray(String[]::new);
    if (readable.length == 0) {
      return rejected;
    }
    Dataset<Row> df = spark.read().parquet(readable);
    StructType schema = df.schema();
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column c = col("`" + f.name() + "`");
      boolean nested = f.dataType() instanceof StructType || f.dataType() instanceof org.apache.spark.sql.types.MapType
          || f.dataType() instanceof org.apache.spark.sql.types.ArrayType;
      cols.add((nested ? to_json(c) : c.cast(DataTypes.StringType)).alias(f.name()));
    }
    cols.add(col("_metadata.file_path").alias("__file"));
    cols.add(col("_metadata.row_index").alias("__row"));
    String[] names = schema.fieldNames();
    Dataset<Row> strings = df.select(cols.toArray(Column[]::new));
    Dataset<Row> parsed = strings.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) row -> {
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < names.length; i++) {
        if (!row.isNullAt(i)) {
          fields.put(names[i], row.getString(i));
        }
      }
      String raw = JSON.writeValueAsString(fields);
      return parser.toRow(RawRecord.accepted(row.getString(names.length), row.getLong(names.length + 1) + 1, raw, fields));
    }, org.apache.spark.sql.Encoders.row(ReportSchemas.PARSED_RECORD));
    return rejects.isEmpty() ? parsed : parsed.union(rejected);
  }

  /** Path -> error message of every Parquet file whose footer cannot be read. Small: one entry per bad file. */
  private static Map<String, String> unreadableParquetFiles(SparkSession spark, List<FileStatus> files,
      Configuration hadoopConf) {
    List<String> paths = files.stream().map(f -> f.getPath().toString()).toList();
    Map<String, String> confEntries = new HashMap<>();
    hadoopConf.forEach(e -> confEntries.put(e.getKey(), e.getValue()));
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(paths.size(), jsc.defaultParallelism() * 4));
    Map<String, String> unreadable = new LinkedHashMap<>();
    for (scala.Tuple2<String, String> bad : jsc.parallelize(paths, slices).flatMapToPair(path -> {
      Configuration conf = new Configuration(false);
      confEntries.forEach(conf::set);
      try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
          org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(new Path(path), conf))) {
        reader.getFooter();
        return Collections.emptyIterator();
      } catch (IOException | RuntimeException e) {
        return List.of(new scala.Tuple2<>(path, "not a readable Parquet file: " + e.getMessage())).iterator();
      }
    }).collect()) {
      unreadable.put(bad._1(), bad._2());
    }
    return unreadable;
  }

  /** Expands files, folders (recursively, filtered by the file glob) and globs; fails when nothing matches. */
  public static List<FileStatus> listFiles(InputConfig in, Configuration conf) {
    List<FileStatus> files = new ArrayList<>();
    try {
      GlobFilter nameFilter = new GlobFilter(in.fileGlob());
      for (String p : in.paths()) {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus[] matches = fs.globStatus(path);
        if (matches == null || matches.length == 0) {
          throw new InputNotFoundException("input not found: " + p);
        }
        int before = files.size();
        for (FileStatus m : matches) {
          if (m.isDirectory()) {
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
            while (it.hasNext()) {
              LocatedFileStatus f = it.next();
              if (!hidden(f.getPath(), m.getPath()) && nameFilter.accept(f.getPath())) {
                files.add(f);
              }
            }
          } else {
            files.add(m);
          }
        }
        if (files.size() == before) {
          throw new InputNotFoundException("no input files in " + p + " match '" + in.fileGlob() + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input: " + e.getMessage(), e);
    }
    return files;
  }

  /** Files or folders below the root whose name starts with '.' or '_' (Spark's own convention). */
  private static boolean hidden(Path file, Path root) {
    for (Path p = file; p != null && !p.equals(root) && p.depth() > root.depth(); p = p.getParent()) {
      String name = p.getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /** Sidecar metadata for text folders: JSON Lines or CSV, keyed by the 'file' column. */
  static Map<String, Map<String, String>> readSidecar(String sidecar, Configuration conf) {
    Map<String, Map<String, String>> byFile = new HashMap<>();
    Path path = new Path(sidecar);
    try (BufferedReader r = new BufferedReader(new InputStreamReader(path.getFileSystem(conf).open(path),
        StandardCharsets.UTF_8))) {
      String first = r.readLine();
      if (first == null) {
        return byFile;
      }
      boolean jsonLines = first.strip().startsWith("{");
      String[] header = jsonLines ? null : first.split(",", -1);
      for (String line = first; line != null; line = r.readLine()) {
        if (line.isBlank() || (!jsonLines && line == first)) {
          continue;
        }
        Map<String, String> row = new LinkedHashMap<>();
        if (jsonLines) {
          JsonNode node = JSON.readTree(line);
          node.fields().forEachRemaining(e -> row.put(e.getKey(), e.getValue().asText()));
        } else {
          String[] values = line.split(",", -1);
          for (int i = 0; i < header.length && i < values.length; i++) {
            row.put(header[i].strip(), values[i].strip());
          }
        }
        String file = row.get("file");
        if (file == null) {
          throw new InputNotFoundException("sidecar " + sidecar + ": a row has no 'file' column");
        }
        byFile.put(file, row);
      }
    } catch (java.io.FileNotFoundException e) {
      throw new InputNotFoundException("sidecar not found: " + sidecar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read sidecar " + sidecar + ": " + e.getMessage(), e);
    }
    return byFile;
  }
}
