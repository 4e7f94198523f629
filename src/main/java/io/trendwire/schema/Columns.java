package io.trendwire.schema;

/**
 * Every column name the job reads or writes, in one place. The names of report datasets are the
 * report contract (see docs/reports.md): renaming one bumps {@link ReportSchemas#SCHEMA_VERSION}.
 */
public final class Columns {
  private Columns() {}

  // Where a record came from: kept on articles and rejects so every row traces back to its input.
  public static final String SOURCE_FILE = "source_file";
  public static final String RECORD = "record";
  public static final String RAW = "raw";
  public static final String FIELDS = "fields";

  // Reject bookkeeping.
  public static final String REASON = "reason";
  public static final String DETAIL = "detail";

  // Articles.
  public static final String ARTICLE_ID = "article_id";
  public static final String PUBLISHED = "published";
  public static final String PERIOD = "period";
  public static final String SOURCE = "source";
  public static final String LANGUAGE = "language";
  public static final String LANGUAGE_SOURCE = "language_source";
  public static final String LANGUAGE_CONFIDENCE = "language_confidence";
  public static final String TITLE = "title";
  public static final String TEXT = "text";
  public static final String URL = "url";
  public static final String TEXT_CHARS = "text_chars";
  public static final String TEXT_HASH = "text_hash";
  public static final String DUPLICATE_OF = "duplicate_of";
  public static final String DUPLICATE_KIND = "duplicate_kind";
  public static final String DUPLICATE_SIMILARITY = "duplicate_similarity";
  public static final String ENTITY_IDS = "entity_ids";
  public static final String COUNTRIES = "countries";
  public static final String FOCUS_COUNTRIES = "focus_countries";
  public static final String MENTIONS_STRUCTS = "_mentions";

  // Mentions and entities.
  public static final String ENTITY_ID = "entity_id";
  public static final String NAME = "name";
  public static final String TYPE = "type";
  public static final String COUNTRY = "country";
  public static final String WIKIDATA_ID = "wikidata_id";
  public static final String SURFACE = "surface";
  public static final String FIELD = "field";
  public static final String SENTENCE = "sentence";
  public static final String START = "start";
  public static final String END = "end";
  public static final String METHOD = "method";
  public static final String KIND = "kind";
  public static final String ARTICLES = "articles";
  public static final String MENTIONS = "mentions";
  public static final String SHARE = "share";

  // Trend statistics (io.trendwire.trends.TrendStats), added to every *_trends/ series and watch/.
  public static final String PERIOD_ARTICLES = "period_articles";
  public static final String BASELINE_MEAN = "baseline_mean";
  public static final String BASELINE_SD = "baseline_sd";
  public static final String Z = "z";
  public static final String SLOPE = "slope";
  public static final String BURST = "burst";
  public static final String BURST_LEVEL = "burst_level";
  public static final String BURST_START = "burst_start";
  public static final String BURST_END = "burst_end";
  public static final String BURST_WEIGHT = "burst_weight";
  public static final String SPLIT = "split";
  public static final String SPLIT_VALUE = "split_value";

  // Co-occurrence (io.trendwire.cooccur) and the watch list; these, the topic and the trend
  // columns are also read back by the report package (report.html, network.gexf).
  public static final String ENTITY_A = "entity_a";
  public static final String ENTITY_B = "entity_b";
  public static final String NAME_A = "name_a";
  public static final String NAME_B = "name_b";
  public static final String SCOPE = "scope";
  public static final String UNITS_AB = "units_ab";
  public static final String UNITS_A = "units_a";
  public static final String UNITS_B = "units_b";
  public static final String UNITS = "units";
  public static final String PMI = "pmi";
  public static final String NPMI = "npmi";
  public static final String LLR = "llr";
  public static final String LIFT = "lift";
  public static final String WATCH_ID = "watch_id";
  public static final String WATCH_ENTITIES = "watch_entities";
  public static final String TOP_ENTITIES = "top_entities";
  public static final String TOP_TOPICS = "top_topics";
  public static final String SAMPLE_TITLES = "sample_titles";

  // Topics (io.trendwire.topics): articles' topic columns, topics/ and topic_trends/.
  public static final String TOPIC_ID = "topic_id";
  public static final String TOPIC_WEIGHTS = "topic_weights";
  public static final String TOPIC_TERMS_COLUMN = "_terms";
  public static final String TOPIC_SURFACES_COLUMN = "_surfaces";
  public static final String TOPIC_COUNTS_COLUMN = "_term_counts";
  public static final String TOPIC_DISTRIBUTION_COLUMN = "_topic_distribution";
  public static final String TOPIC_MODEL_COLUMN = "_topic_model";
  public static final String LABEL = "label";
  public static final String TERMS = "terms";
  public static final String TERM = "term";
  public static final String STEM = "stem";
  public static final String WEIGHT = "weight";
  public static final String COHERENCE = "coherence";
  public static final String PREVALENCE = "prevalence";
}
