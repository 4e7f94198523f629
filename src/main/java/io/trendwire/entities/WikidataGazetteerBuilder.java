package io.trendwire.entities;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a gazetteer from a Wikidata JSON dump ({@code latest-all.json.gz} or {@code .bz2}: a JSON
 * array with one entity per line, each line but the last ending with a comma).
 *
 * <p>An item is kept when one of its P31 (instance of) values is in the classes of a requested
 * TrendWire type ({@link Settings#DEFAULT_CLASSES}); the first type in the settings' order whose
 * classes match wins (Moscow is a city and a federal subject: CITY). Its labels and aliases in the
 * requested languages become aliases of kind "name" ("abbreviation" for organisations' all-caps
 * aliases of 2–6 letters: "NATO", "НАТО"); labels in "mul" (Wikidata's "same in all languages")
 * become aliases for every language ("*"); regional variants count for their base language
 * ("en-gb" for "en"). Items with no alias left are dropped. The country is the item's P297 (ISO
 * 3166-1 alpha-2) for countries, and for the others the P297 of the item their P17 (country) names
 * when that item is in the dump; otherwise null.
 *
 * <p>Every line is tokenised (so malformed lines are found and counted) but only labels, aliases
 * and the claims P31, P17 and P297 are materialised. Output: the curated JSON Lines format, one
 * file (gzip'd if the output name ends with ".gz"), ids "wd:&lt;QID&gt;", ordered by QID.
 */
public final class WikidataGazetteerBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(WikidataGazetteerBuilder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Malformed lines logged per partition (all are counted). */
  private static final int MALFORMED_LOGGED_PER_PARTITION = 5;

  private static final StructType PARSED = new StructType()
      .add("kind", DataTypes.StringType)          // "entity", "code" or "stats"
      .add("qid", DataTypes.StringType)
      .add("qnum", DataTypes.LongType)
      .add("type", DataTypes.StringType)
      .add("name", DataTypes.StringType)
      .add("code", DataTypes.StringType)          // own P297
      .add("country_item", DataTypes.StringType)  // P17 QID (not for countries)
      .add("aliases", DataTypes.StringType)       // JSON object: language -> [{text, kind}]
      .add("lines", DataTypes.LongType)
      .add("items", DataTypes.LongType)
      .add("malformed", DataTypes.LongType)
      .add("sample", DataTypes.StringType);

  private WikidataGazetteerBuilder() {}

  /** Which items to keep and which of their names. */
  public record Settings(Set<String> languages, Map<EntityType, Set<String>> classes) implements Serializable {
    /** Default P31 classes per type, in the order types are tried. */
    public static final Map<EntityType, Set<String>> DEFAULT_CLASSES;
    /** Default languages: the main news languages of the built-in gazetteer. */
    public static final Set<String> DEFAULT_LANGUAGES =
        Set.copyOf(List.of("en", "de", "fr", "it", "es", "pt", "nl", "ru", "uk", "pl", "ko", "ja", "zh"));

    static {
      Map<EntityType, Set<String>> m = new LinkedHashMap<>();
      m.put(EntityType.COUNTRY, ordered("Q6256", "Q3624078", "Q3024240"));
      m.put(EntityType.CITY, ordered("Q515", "Q1549591", "Q5119"));
      m.put(EntityType.REGION, ordered("Q10864048", "Q107390", "Q835714"));
      m.put(EntityType.PERSON, ordered("Q5"));
      m.put(EntityType.ORG, ordered("Q43229", "Q484652", "Q7278", "Q1193236"));
      DEFAULT_CLASSES = java.util.Collections.unmodifiableMap(m);
    }

    public Settings {
      languages = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(languages));
      Map<EntityType, Set<String>> copy = new LinkedHashMap<>();
      classes.forEach((t, qids) -> copy.put(t, java.util.Collections.unmodifiableSet(new LinkedHashSet<>(qids))));
      classes = java.util.Collections.unmodifiableMap(copy);
    }

    public static Settings defaults() {
      return new Settings(DEFAULT_LANGUAGES, DEFAULT_CLASSES);
    }

    public Settings withLanguages(Set<String> langs) {
      return new Settings(langs, classes);
    }

    /** Only these types, in the default order of types. */
    public Settings withTypes(Set<EntityType> types) {
      Map<EntityType, Set<String>> m = new LinkedHashMap<>();
      classes.forEach((t, q) -> {
        if (types.contains(t)) {
          m.put(t, q);
        }
      });
      return new Settings(languages, m);
    }

    /** The classes of one type replaced (or the type added at the end). */
    public Settings withClasses(EntityType type, Set<String> qids) {
      Map<EntityType, Set<String>> m = new LinkedHashMap<>(classes);
      m.put(type, qids);
      return new Settings(languages, m);
    }

    private static Set<String> ordered(String... qids) {
      return new LinkedHashSet<>(List.of(qids));
    }
  }

  /** What a build read and wrote. */
  public record Result(String output, long lines, long items, long malformed, long entities) {}

  /**
   * Builds the gazetteer of {@code dump} (a file, folder or glob Hadoop can read; .gz and .bz2 are
   * decompressed) into the single file {@code output}, replacing it only if {@code overwrite}.
   */
  public static Result build(SparkSession spark, String dump, String output, Settings settings, boolean overwrite)
      throws IOException {
    if (settings.classes().isEmpty()) {
      throw new IllegalArgumentException("no entity types to keep");
    }
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path out = new Path(output);
    FileSystem fs = out.getFileSystem(hadoop);
    if (fs.exists(out)) {
      if (fs.getFileStatus(out).isDirectory()) {
        throw new IOException("output is a directory, not a file: " + output);
      }
      if (!overwrite) {
        throw new IOException("output exists: " + output + " (use --overwrite to replace it)");
      }
    }

    Dataset<String> lines = spark.read().text(dump).as(Encoders.STRING());
    Dataset<Row> parsed = lines.mapPartitions(new Parse(settings), Encoders.row(PARSED))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      Row stats = parsed.filter("kind = 'stats'")
          .agg(functions.sum("lines"), functions.sum("items"), functions.sum("malformed"),
              functions.max("sample"))
          .first();
      long lineCount = stats.isNullAt(0) ? 0 : stats.getLong(0);
      long items = stats.isNullAt(1) ? 0 : stats.getLong(1);
      long malformed = stats.isNullAt(2) ? 0 : stats.getLong(2);
      if (malformed > 0) {
        LOG.warn("Skipped {} malformed line(s) of {} in {} (e.g. {})", malformed, lineCount, dump, stats.getString(3));
      }

      Dataset<Row> codes = parsed.filter("kind IN ('code', 'entity') AND code IS NOT NULL")
          .select(functions.col("qid").as("code_qid"), functions.col("code").as("item_code"))
          .dropDuplicates("code_qid");
      Dataset<Row> entities = parsed.filter("kind = 'entity'");
      Dataset<Row> joined = entities
          .join(functions.broadcast(codes), entities.col("country_item").equalTo(codes.col("code_qid")), "left")
          .withColumn("country", functions.coalesce(functions.col("code"), functions.col("item_code")))
          .select("qnum", "qid", "type", "name", "country", "aliases");

      Path tmp = new Path(out.getParent() == null ? new Path(".") : out.getParent(),
          "." + out.getName() + ".tmp-" + UUID.randomUUID());
      try {
        joined.repartition(1).sortWithinPartitions("qnum")
            .map((MapFunction<Row, String>) WikidataGazetteerBuilder::jsonLine, Encoders.STRING())
            .write().option("compression", output.endsWith(".gz") ? "gzip" : "none").text(tmp.toString());
        FileStatus[] parts = fs.globStatus(new Path(tmp, "part-*"));
        if (parts == null || parts.length != 1) {
          throw new IOException("expected one part file in " + tmp + ", found " + (parts == null ? 0 : parts.length));
        }
        if (fs.exists(out) && !fs.delete(out, false)) {
          throw new IOException("cannot replace " + output);
        }
        // On the local file system, move the file without its checksum (no stray .crc next to it).
        FileSystem raw = fs instanceof ChecksumFileSystem c ? c.getRawFileSystem() : fs;
        if (!raw.rename(parts[0].getPath(), out)) {
          throw new IOException("cannot move " + parts[0].getPath() + " to " + output);
        }
      } finally {
        fs.delete(tmp, true);
      }
      long kept = entities.count();
      LOG.info("Wikidata gazetteer: {} entities of {} items ({} lines, {} malformed) written to {}", kept, items,
          lineCount, malformed, output);
      return new Result(output, lineCount, items, malformed, kept);
    } finally {
      parsed.unpersist();
    }
  }

  /** One output line in the curated format. */
  static String jsonLine(Row r) throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", "wd:" + r.getString(r.fieldIndex("qid")));
    n.put("name", r.getString(r.fieldIndex("name")));
    n.put("type", r.getString(r.fieldIndex("type")));
    n.put("country", r.getString(r.fieldIndex("country")));
    n.put("wikidata", r.getString(r.fieldIndex("qid")));
    n.set("aliases", JSON.readTree(r.getString(r.fieldIndex("aliases"))));
    return JSON.writeValueAsString(n);
  }

  /** Parses the lines of one partition; ends with one "stats" row. */
  static final class Parse implements MapPartitionsFunction<String, Row> {
    private final Settings settings;

    Parse(Settings settings) {
      this.settings = settings;
    }

    @Override
    public Iterator<Row> call(Iterator<String> input) {
      return new Iterator<>() {
        private final Map<String, EntityType> typeOfClass = classIndex(settings);
        private long lines;
        private long items;
        private long malformed;
        private String sample;
        private Row next;
        private boolean statsSent;

        @Override
        public boolean hasNext() {
          while (next == null && input.hasNext()) {
            next = parseLine(input.next());
          }
          if (next == null && !statsSent) {
            statsSent = true;
            next = RowFactory.create("stats", null, null, null, null, null, null, null, lines, items, malformed,
                sample);
          }
          return next != null;
        }

        @Override
        public Row next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          Row r = next;
          next = null;
          return r;
        }

        private Row parseLine(String raw) {
          lines++;
          String line = raw.strip();
          if (line.endsWith(",")) {
            line = line.substring(0, line.length() - 1).stripTrailing();
          }
          if (line.isEmpty() || line.equals("[") || line.equals("]")) {
            return null;
          }
          try {
            Row r = parseEntity(line, settings, typeOfClass);
            items++;
            return r;
          } catch (IOException | RuntimeException e) {
            malformed++;
            String shown = line.length() > 120 ? line.substring(0, 120) + "…" : line;
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? j.getOriginalMessage() + (j.getLocation() == null ? "" : " at column " + j.getLocation().getColumnNr())
                : String.valueOf(e.getMessage());
            message = message.lines().findFirst().orElse("").replaceFirst("\\s*\\(start marker at .*$", "");
            if (sample == null) {
              sample = "'" + shown + "': " + message;
            }
            if (malformed <= MALFORMED_LOGGED_PER_PARTITION) {
              LOG.warn("Skipping malformed Wikidata line '{}': {}", shown, message);
            }
            return null;
          }
        }
      };
    }
  }

  private static Map<String, EntityType> classIndex(Settings settings) {
    Map<String, EntityType> m = new LinkedHashMap<>();
    settings.classes().forEach((type, qids) -> qids.forEach(q -> m.putIfAbsent(q, type)));
    return m;
  }

  private static final Pattern ABBREVIATION = Pattern.compile("\\p{Lu}{2,6}");
  private static final Pattern QID = Pattern.compile("Q[1-9][0-9]*");

  /**
   * One entity line (without its comma): a row for a kept item, a "code" row for another item with
   * a P297 (so places can look up their country), or null. Throws on anything that is not one
   * well-formed JSON object.
   */
  static Row parseEntity(String line, Settings settings, Map<String, EntityType> typeOfClass) throws IOException {
    String id = null;
    String entityType = null;
    JsonNode labels = null;
    JsonNode aliases = null;
    JsonNode p31 = null;
    JsonNode p17 = null;
    JsonNode p297 = null;
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        p.nextToken();
        switch (field) {
          case "id" -> id = p.getValueAsString();
          case "type" -> entityType = p.getValueAsString();
          case "labels" -> labels = p.readValueAsTree();
          case "aliases" -> aliases = p.readValueAsTree();
          case "claims" -> {
            if (p.currentToken() != JsonToken.START_OBJECT) {
              p.skipChildren();
              break;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String property = p.currentName();
              p.nextToken();
              switch (property) {
                case "P31" -> p31 = p.readValueAsTree();
                case "P17" -> p17 = p.readValueAsTree();
                case "P297" -> p297 = p.readValueAsTree();
                default -> p.skipChildren();
              }
            }
          }
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw new IOException("trailing content after the entity");
      }
    }
    if (id == null) {
      throw new IOException("entity without an id");
    }
    if (!"item".equals(entityType) || !QID.matcher(id).matches()) {
      return null; // properties, lexemes
    }
    EntityType type = null;
    for (String cls : values(p31, false)) {
      EntityType t = typeOfClass.get(cls);
      if (t != null && (type == null || order(settings, t) < order(settings, type))) {
        type = t;
      }
    }
    List<String> codes = values(p297, true);
    String code = codes.isEmpty() ? null : codes.get(0).toUpperCase(Locale.ROOT);
    if (code != null && !code.matches("[A-Z]{2}")) {
      code = null;
    }
    long qnum = Long.parseLong(id.substring(1));
    if (type == null) {
      return code == null ? null
          : RowFactory.create("code", id, qnum, null, null, code, null, null, null, null, null, null);
    }
    ObjectNode names = names(labels, aliases, settings.languages(), type == EntityType.ORG);
    if (names.isEmpty()) {
      return code == null ? null
          : RowFactory.create("code", id, qnum, null, null, code, null, null, null, null, null, null);
    }
    String countryItem = null;
    if (type != EntityType.COUNTRY) {
      List<String> countries = values(p17, true);
      countryItem = countries.isEmpty() ? null : countries.get(0);
    }
    // A kept item's own code also serves the lookup of the places in its country.
    return RowFactory.create("entity", id, qnum, type.name(), displayName(labels), code, countryItem,
        JSON.writeValueAsString(names), null, null, null, null);
  }

  private static int order(Settings settings, EntityType t) {
    int i = 0;
    for (EntityType k : settings.classes().keySet()) {
      if (k == t) {
        return i;
      }
      i++;
    }
    return Integer.MAX_VALUE;
  }

  /**
   * The values of a claim list (item ids or strings), deprecated statements skipped; with
   * {@code preferredFirst}, statements of preferred rank come first.
   */
  static List<String> values(JsonNode claims, boolean preferredFirst) {
    List<String> preferred = new ArrayList<>();
    List<String> normal = new ArrayList<>();
    if (claims == null || !claims.isArray()) {
      return normal;
    }
    for (JsonNode statement : claims) {
      String rank = statement.path("rank").asText("normal");
      if (rank.equals("deprecated")) {
        continue;
      }
      JsonNode value = statement.path("mainsnak").path("datavalue").path("value");
      String v = value.isTextual() ? value.asText() : value.path("id").asText(null);
      if (v == null || v.isBlank()) {
        continue;
      }
      (preferredFirst && rank.equals("preferred") ? preferred : normal).add(v);
    }
    preferred.addAll(normal);
    return preferred;
  }

  /** Labels then aliases of the requested languages: language -> [{text, kind}], no repeats. */
  static ObjectNode names(JsonNode labels, JsonNode aliases, Set<String> languages, boolean org) {
    Map<String, LinkedHashSet<String>> byLanguage = new LinkedHashMap<>();
    if (labels != null) {
      labels.fields().forEachRemaining(e -> add(byLanguage, e.getKey(), e.getValue(), languages));
    }
    if (aliases != null) {
      aliases.fields().forEachRemaining(e -> {
        for (JsonNode a : e.getValue()) {
          add(byLanguage, e.getKey(), a, languages);
        }
      });
    }
    ObjectNode out = JSON.createObjectNode();
    byLanguage.forEach((lang, texts) -> {
      ArrayNode list = out.putArray(lang);
      for (String t : texts) {
        list.addObject().put("text", t).put("kind", org && ABBREVIATION.matcher(t).matches() ? "abbreviation" : "name");
      }
    });
    return out;
  }

  private static void add(Map<String, LinkedHashSet<String>> byLanguage, String wikidataLanguage, JsonNode value,
      Set<String> languages) {
    String lang = language(wikidataLanguage, languages);
    String text = value.path("value").asText("").strip();
    if (lang != null && !text.isEmpty()) {
      byLanguage.computeIfAbsent(lang, k -> new LinkedHashSet<>()).add(text);
    }
  }

  /** The gazetteer language of a Wikidata language code, or null if not requested. */
  static String language(String wikidataLanguage, Set<String> languages) {
    if (wikidataLanguage.equals("mul")) {
      return Alias.ANY_LANGUAGE;
    }
    if (languages.contains(wikidataLanguage)) {
      return wikidataLanguage;
    }
    int dash = wikidataLanguage.indexOf('-');
    String base = dash > 0 ? wikidataLanguage.substring(0, dash) : null;
    return base != null && languages.contains(base) ? base : null;
  }

  /** The English label, else the "mul" one, else the first label. */
  static String displayName(JsonNode labels) {
    if (labels == null) {
      return null;
    }
    for (String lang : new String[] {"en", "mul"}) {
      String v = labels.path(lang).path("value").asText("");
      if (!v.isBlank()) {
        return v.strip();
      }
    }
    Iterator<JsonNode> all = labels.elements();
    while (all.hasNext()) {
      String v = all.next().path("value").asText("");
      if (!v.isBlank()) {
        return v.strip();
      }
    }
    return null;
  }
}
