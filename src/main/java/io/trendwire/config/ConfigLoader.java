package io.trendwire.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/** Reads a {@link TrendWireConfig} from JSON and validates it, with messages naming the field. */
public final class ConfigLoader {

  /** Unknown fields fail, so a misspelt option is reported instead of silently defaulted. */
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private ConfigLoader() {}

  public static TrendWireConfig load(Path file) {
    String json;
    try {
      json = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file not found: " + file);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
    }
    return parse(json, file.toString());
  }

  /** Parses and validates; {@code origin} names the config in messages. */
  public static TrendWireConfig parse(String json, String origin) {
    TrendWireConfig config;
    try {
      config = MAPPER.readValue(json, TrendWireConfig.class);
    } catch (UnrecognizedPropertyException e) {
      String known = e.getKnownPropertyIds() == null ? "" : " (known fields: "
          + e.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
      throw new ConfigException(origin + ": unknown field '" + path(e) + "'" + known, e);
    } catch (JsonMappingException e) {
      if (e.getCause() instanceof JsonParseException syntax) {
        throw syntaxError(origin, syntax);
      }
      throw new ConfigException(origin + ": invalid value for '" + path(e) + "': " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      throw syntaxError(origin, e);
    }
    if (config == null) {
      throw new ConfigException(origin + ": the config is empty");
    }
    validate(config, origin);
    return config;
  }

  /** Throws a {@link ConfigException} listing every invalid field. */
  public static void validate(TrendWireConfig config, String origin) {
    List<String> errors = new ArrayList<>();
    InputConfig in = config.input();
    if (in.paths().isEmpty()) {
      errors.add("input.paths: at least one input file, folder or glob is required");
    }
    in.paths().forEach(p -> {
      if (p == null || p.isBlank()) {
        errors.add("input.paths: contains an empty path");
      }
    });
    checkZone(errors, "timeZone", config.timeZone());
    checkZone(errors, "input.timeZone", in.timeZone());
    if (!"auto".equalsIgnoreCase(in.encoding())) {
      try {
        Charset.forName(in.encoding());
      } catch (RuntimeException e) {
        errors.add("input.encoding: unknown character set '" + in.encoding() + "' (use a Java charset name or 'auto')");
      }
    }
    for (int i = 0; i < in.dateFormats().size(); i++) {
      try {
        DateTimeFormatter.ofPattern(in.dateFormats().get(i));
      } catch (IllegalArgumentException e) {
        errors.add("input.dateFormats[" + i + "]: invalid pattern '" + in.dateFormats().get(i) + "': " + e.getMessage());
      }
    }
    if (in.fileNamePattern() != null) {
      try {
        Pattern.compile(in.fileNamePattern());
      } catch (PatternSyntaxException e) {
        errors.add("input.fileNamePattern: invalid regular expression: " + e.getDescription());
      }
    }
    if (in.maxRecordBytes() <= 0) {
      errors.add("input.maxRecordBytes: must be positive");
    }
    if (in.delimiter().length() != 1) {
      errors.add("input.delimiter: must be a single character");
    }
    if (in.fields().published().isBlank()) {
      errors.add("input.fields.published: the date field is required");
    }
    OutputConfig out = config.output();
    if (out.rejectRawChars() < 0) {
      errors.add("output.rejectRawChars: must be zero or positive");
    }
    if (out.files() < 0) {
      errors.add("output.files: must be zero or positive");
    }
    DedupeConfig d = config.dedupe();
    if (!(d.minSimilarity() > 0 && d.minSimilarity() <= 1)) {
      errors.add("dedupe.minSimilarity: must be in (0, 1], got " + d.minSimilarity());
    }
    if (d.shingleWords() < 1 || d.shingleWords() > 10) {
      errors.add("dedupe.shingleWords: must be between 1 and 10, got " + d.shingleWords());
    }
    if (d.hashTables() < 1 || d.hashTables() > 64) {
      errors.add("dedupe.hashTables: must be between 1 and 64, got " + d.hashTables());
    }
    if (d.maxShingleArticles() < 2) {
      errors.add("dedupe.maxShingleArticles: must be at least 2, got " + d.maxShingleArticles());
    }
    LanguageConfig l = config.language();
    if (l.minConfidence() < 0 || l.minConfidence() > 1) {
      errors.add("language.minConfidence: must be in [0, 1], got " + l.minConfidence());
    }
    if (l.maxChars() < 20) {
      errors.add("language.maxChars: must be at least 20, got " + l.maxChars());
    }
    EntitiesConfig en = config.entities();
    if (en.minCandidateArticles() < 1) {
      errors.add("entities.minCandidateArticles: must be at least 1, got " + en.minCandidateArticles());
    }
    if (en.commonWordsSampleBytes() < 100_000) {
      errors.add("entities.commonWordsSampleBytes: must be at least 100000, got " + en.commonWordsSampleBytes());
    }
    if (en.trendMinArticles() < 1) {
      errors.add("entities.trendMinArticles: must be at least 1, got " + en.trendMinArticles());
    }
    validateTopics(errors, config.topics());
    validateTrends(config, errors);
    ReportConfig r = config.report();
    if (r.htmlTopN() < 1) {
      errors.add("report.htmlTopN: must be at least 1, got " + r.htmlTopN());
    }
    if (!r.networkPeriodValid()) {
      errors.add("report.networkPeriod: must be \"all\", \"latest\" or a date such as 2024-06-01, got '"
          + r.networkPeriod() + "'");
    }
    if (!List.of("document", "sentence").contains(r.networkScope())) {
      errors.add("report.networkScope: must be document or sentence, got '" + r.networkScope() + "'");
    }
    if (r.networkMaxEdges() < 1) {
      errors.add("report.networkMaxEdges: must be at least 1, got " + r.networkMaxEdges());
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(origin + ": " + String.join("; ", errors));
    }
  }

  private static void validateTopics(List<String> errors, TopicsConfig t) {
    if (t.k() < 2 || t.k() > 1000) {
      errors.add("topics.k: must be between 2 and 1000, got " + t.k());
    }
    if (t.maxIterations() < 1) {
      errors.add("topics.maxIterations: must be at least 1, got " + t.maxIterations());
    }
    if (!List.of("gibbs", "online", "em").contains(t.optimizer())) {
      errors.add("topics.optimizer: must be 'gibbs', 'online' or 'em', got '" + t.optimizer() + "'");
    }
    if (t.chains() < 1 || t.chains() > 100) {
      errors.add("topics.chains: must be between 1 and 100, got " + t.chains());
    }
    if (!(t.batchFraction() > 0 && t.batchFraction() <= 1)) {
      errors.add("topics.batchFraction: must be in (0, 1], got " + t.batchFraction());
    }
    if (!(t.learningOffset() > 0)) {
      errors.add("topics.learningOffset: must be positive, got " + t.learningOffset());
    }
    if (!(t.learningDecay() > 0.5 && t.learningDecay() <= 1)) {
      errors.add("topics.learningDecay: must be in (0.5, 1], got " + t.learningDecay());
    }
    if (!(t.sampleFraction() > 0 && t.sampleFraction() <= 1)) {
      errors.add("topics.sampleFraction: must be in (0, 1], got " + t.sampleFraction());
    }
    if (!(t.minDocFreq() > 0)) {
      errors.add("topics.minDocFreq: must be positive, got " + t.minDocFreq());
    }
    if (!(t.maxDocFreq() > 0 && t.maxDocFreq() <= 1)) {
      errors.add("topics.maxDocFreq: must be in (0, 1], got " + t.maxDocFreq());
    }
    if (!(t.maxLanguageDocFreq() > 0 && t.maxLanguageDocFreq() <= 1)) {
      errors.add("topics.maxLanguageDocFreq: must be in (0, 1], got " + t.maxLanguageDocFreq());
    }
    if (t.vocabSize() < 10) {
      errors.add("topics.vocabSize: must be at least 10, got " + t.vocabSize());
    }
    if (t.docConcentration() != null && !(t.docConcentration() > 0)) {
      errors.add("topics.docConcentration: must be positive, got " + t.docConcentration());
    }
    if (t.topicConcentration() != null && !(t.topicConcentration() > 0)) {
      errors.add("topics.topicConcentration: must be positive, got " + t.topicConcentration());
    }
    if ("em".equals(t.optimizer()) && ((t.docConcentration() != null && t.docConcentration() <= 1)
        || (t.topicConcentration() != null && t.topicConcentration() <= 1))) {
      errors.add("topics.docConcentration/topicConcentration: the em optimizer needs priors above 1");
    }
    if (t.termsPerTopic() < 2 || t.termsPerTopic() > 100) {
      errors.add("topics.termsPerTopic: must be between 2 and 100, got " + t.termsPerTopic());
    }
    if (t.minLanguageArticles() < 1) {
      errors.add("topics.minLanguageArticles: must be at least 1, got " + t.minLanguageArticles());
    }
  }

  /** cooccur, trends and watch. */
  private static void validateTrends(TrendWireConfig config, List<String> errors) {
    CooccurConfig co = config.cooccur();
    if (co.topK() < 2 || co.topK() > 200) {
      errors.add("cooccur.topK: must be between 2 and 200, got " + co.topK());
    }
    if (co.minSupport() < 1) {
      errors.add("cooccur.minSupport: must be at least 1, got " + co.minSupport());
    }
    if (co.trendMinSupport() < 1) {
      errors.add("cooccur.trendMinSupport: must be at least 1, got " + co.trendMinSupport());
    }
    TrendsConfig tr = config.trends();
    if (tr.baselinePeriods() < 2) {
      errors.add("trends.baselinePeriods: must be at least 2, got " + tr.baselinePeriods());
    }
    if (tr.minHistory() < 2 || tr.minHistory() > tr.baselinePeriods()) {
      errors.add("trends.minHistory: must be between 2 and trends.baselinePeriods (" + tr.baselinePeriods()
          + "), got " + tr.minHistory());
    }
    if (tr.slopePeriods() < 2) {
      errors.add("trends.slopePeriods: must be at least 2, got " + tr.slopePeriods());
    }
    if (!(tr.burstScale() > 1)) {
      errors.add("trends.burstScale: must be greater than 1, got " + tr.burstScale());
    }
    if (!(tr.burstGamma() > 0)) {
      errors.add("trends.burstGamma: must be positive, got " + tr.burstGamma());
    }
    if (tr.splitMinArticles() < 1) {
      errors.add("trends.splitMinArticles: must be at least 1, got " + tr.splitMinArticles());
    }
    WatchConfig w = config.watch();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < w.items().size(); i++) {
      WatchItem item = w.items().get(i);
      String at = "watch.items[" + i + "]";
      if (item == null) {
        errors.add(at + ": must not be null");
        continue;
      }
      if (item.id() == null || item.id().isBlank()) {
        errors.add(at + ".id: required");
      } else if (!ids.add(item.id())) {
        errors.add(at + ".id: duplicate watch id '" + item.id() + "'");
      }
      if (item.entities().isEmpty()) {
        errors.add(at + ".entities: at least one entity id is required");
      }
      for (String e : item.entities()) {
        if (e == null || e.isBlank()) {
          errors.add(at + ".entities: contains an empty entity id");
        }
      }
      if (item.entities().stream().distinct().count() != item.entities().size()) {
        errors.add(at + ".entities: an entity is listed twice");
      }
    }
    if (w.topEntities() < 0 || w.topTopics() < 0 || w.sampleTitles() < 0) {
      errors.add("watch.topEntities, watch.topTopics, watch.sampleTitles: must be zero or positive");
    }
  }

  private static ConfigException syntaxError(String origin, JsonProcessingException e) {
    return new ConfigException(origin + ": not valid JSON at line " + e.getLocation().getLineNr()
        + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
  }

  private static void checkZone(List<String> errors, String field, String zone) {
    try {
      ZoneId.of(zone);
    } catch (RuntimeException e) {
      errors.add(field + ": unknown time zone '" + zone + "'");
    }
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  /** The resolved config as JSON, for the log and the manifest. */
  public static String toJson(TrendWireConfig config) {
    try {
      return MAPPER.writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
