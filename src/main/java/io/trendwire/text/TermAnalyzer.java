package io.trendwire.text;

import io.trendwire.schema.Rows;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The first stage of the saved topic pipeline: an MLlib {@link Transformer} that analyses each
 * row's text columns in the row's language with {@link TermAnalysis} and appends the terms.
 * Saved and loaded with the pipeline (its params only: the analysis is code, not data).
 *
 * <p>Input: the text columns (strings, null = no text), the language column (string, null or
 * unknown = tokens and lower case only) and, optionally, an entity mentions column (array of
 * structs with entity_id and name): each mention adds the term {@code #entity_id}, so articles
 * in different languages about the same entities share terms. Output: the input plus the terms
 * column (array of strings, never null) and, if {@code surfaceCol} is set, the surface of each
 * term at the same position (for entity terms, the entity's name).
 */
public final class TermAnalyzer extends Transformer implements DefaultParamsWritable {
  /** Entity terms start with this character, which no word token contains. */
  public static final String ENTITY_PREFIX = "#";

  private final String uid;
  private final StringArrayParam textCols;
  private final Param<String> languageCol;
  private final Param<String> mentionsCol;
  private final Param<String> outputCol;
  private final Param<String> surfaceCol;

  public TermAnalyzer(String uid) {
    this.uid = uid;
    textCols = new StringArrayParam(this, "textCols", "text columns, analysed in order");
    languageCol = new Param<>(this, "languageCol", "ISO 639-1 language of the row");
    mentionsCol = new Param<>(this, "mentionsCol", "entity mentions (entity_id, name) to add as terms; empty: none");
    outputCol = new Param<>(this, "outputCol", "output terms");
    surfaceCol = new Param<>(this, "surfaceCol", "output surfaces aligned with the terms; empty: none");
    setDefault(languageCol, "language");
    setDefault(mentionsCol, "");
    setDefault(outputCol, "terms");
    setDefault(surfaceCol, "");
  }

  public TermAnalyzer() {
    this(Identifiable$.MODULE$.randomUID("termAnalyzer"));
  }

  @Override
  public String uid() {
    return uid;
  }

  public StringArrayParam textCols() {
    return textCols;
  }

  public Param<String> languageCol() {
    return languageCol;
  }

  public Param<String> mentionsCol() {
    return mentionsCol;
  }

  public Param<String> outputCol() {
    return outputCol;
  }

  public Param<String> surfaceCol() {
    return surfaceCol;
  }

  public TermAnalyzer setTextCols(String... cols) {
    set(textCols, cols);
    return this;
  }

  public TermAnalyzer setLanguageCol(String col) {
    set(languageCol, col);
    return this;
  }

  public TermAnalyzer setMentionsCol(String col) {
    set(mentionsCol, col);
    return this;
  }

  public TermAnalyzer setOutputCol(String col) {
    set(outputCol, col);
    return this;
  }

  public TermAnalyzer setSurfaceCol(String col) {
    set(surfaceCol, col);
    return this;
  }

  @Override
  public StructType transformSchema(StructType schema) {
    for (String c : $(textCols)) {
      schema.apply(c);
    }
    schema.apply($(languageCol));
    StructType out = schema.add($(outputCol), DataTypes.createArrayType(DataTypes.StringType, false), false);
    return $(surfaceCol).isEmpty() ? out
        : out.add($(surfaceCol), DataTypes.createArrayType(DataTypes.StringType, false), false);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    StructType in = dataset.schema();
    StructType out = transformSchema(in);
    String[] cols = $(textCols);
    int[] textIdx = new int[cols.length];
    for (int i = 0; i < cols.length; i++) {
      textIdx[i] = in.fieldIndex(cols[i]);
    }
    int langIdx = in.fieldIndex($(languageCol));
    int mentionsIdx = $(mentionsCol).isEmpty() ? -1 : in.fieldIndex($(mentionsCol));
    boolean surfaces = !$(surfaceCol).isEmpty();
    return dataset.toDF().mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
      TermAnalysis analysis = new TermAnalysis();
      return Rows.map(rows, row -> {
        List<String> terms = new ArrayList<>();
        List<String> forms = surfaces ? new ArrayList<>() : null;
        String language = row.getString(langIdx);
        for (int i : textIdx) {
          analysis.analyze(row.getString(i), language, (t, s) -> {
            terms.add(t);
            if (forms != null) {
              forms.add(s);
            }
          });
        }
        if (mentionsIdx >= 0 && !row.isNullAt(mentionsIdx)) {
          for (Row m : row.<Row>getList(mentionsIdx)) {
            String id = m.getAs("entity_id");
            String name = m.getAs("name");
            // Candidates (unknown proper names) have no stable id across languages: left to the words.
            if (id != null && name != null && !"CANDIDATE".equals(m.getAs("type"))) {
              terms.add(ENTITY_PREFIX + id);
              if (forms != null) {
                forms.add(name);
              }
            }
          }
        }
        Object[] values = Rows.valuesWithRoom(row, surfaces ? 2 : 1);
        values[row.size()] = CollectionConverters.asScala(terms).toList();
        if (surfaces) {
          values[row.size() + 1] = CollectionConverters.asScala(forms).toList();
        }
        return RowFactory.create(values);
      });
    }, Encoders.row(out));
  }

  @Override
  public TermAnalyzer copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  public static MLReader<TermAnalyzer> read() {
    return new DefaultParamsReader<>();
  }

  public static TermAnalyzer load(String path) {
    return read().load(path);
  }
}
