package io.trendwire.schema;

import static io.trendwire.schema.Columns.*;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Explicit schemas of the job's intermediate and report datasets. */
public final class ReportSchemas {
  private ReportSchemas() {}

  /** Bumped on any rename or removal of a report column (adding columns does not bump it). */
  public static final int SCHEMA_VERSION = 1;

  /**
   * A record after field mapping: article columns filled for accepted records; reason and detail
   * set (and article columns possibly null) for rejected ones.
   */
  public static final StructType PARSED_RECORD = new StructType()
      .add(SOURCE_FILE, DataTypes.StringType, false)
      .add(RECORD, DataTypes.LongType, false)
      .add(ARTICLE_ID, DataTypes.StringType, true)
      .add(PUBLISHED, DataTypes.TimestampType, true)
      .add(SOURCE, DataTypes.StringType, true)
      .add(LANGUAGE, DataTypes.StringType, true)
      .add(TITLE, DataTypes.StringType, true)
      .add(TEXT, DataTypes.StringType, true)
      .add(URL, DataTypes.StringType, true)
      .add(RAW, DataTypes.StringType, true)
      .add(REASON, DataTypes.StringType, true)
      .add(DETAIL, DataTypes.StringType, true);

  /** One entity mention, as nested in articles during the entity stage and exploded into mentions/. */
  public static final StructType MENTION = new StructType()
      .add(ENTITY_ID, DataTypes.StringType, false)
      .add(NAME, DataTypes.StringType, true)
      .add(TYPE, DataTypes.StringType, false)
      .add(COUNTRY, DataTypes.StringType, true)
      .add(SURFACE, DataTypes.StringType, false)
      .add(FIELD, DataTypes.StringType, false)
      .add(SENTENCE, DataTypes.IntegerType, false)
      .add(START, DataTypes.IntegerType, false)
      .add(END, DataTypes.IntegerType, false)
      .add(METHOD, DataTypes.StringType, false)
      .add(KIND, DataTypes.StringType, true);

  /** rejects/: one row per rejected input record. */
  public static final StructType REJECTS = new StructType()
      .add(SOURCE_FILE, DataTypes.StringType, false)
      .add(RECORD, DataTypes.LongType, false)
      .add(REASON, DataTypes.StringType, false)
      .add(DETAIL, DataTypes.StringType, true)
      .add(RAW, DataTypes.StringType, true);
}
