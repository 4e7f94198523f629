package io.trendwire.entities;

import static io.trendwire.schema.Columns.LANGUAGE;
import static io.trendwire.schema.Columns.TEXT;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.octet_length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Corpus evidence that a capitalised word is a common word, not a name: the case-ratio
 * heuristic. A name is written capitalised wherever it stands; a common word is capitalised
 * mid-sentence only in titles, names and institutions ("il Paese", "the Union", "la Défense") and
 * in lower case everywhere else. So a word that the corpus, in one language, writes in lower case
 * at least {@link #MIN_LOWER} times and at least {@link #MIN_LOWER_SHARE} of its mid-sentence
 * occurrences is common in that language: alone, it is not a candidate name. (Sentence-initial
 * and all-capital occurrences say nothing about case and are not counted. German capitalises
 * every noun, so its nouns never show a lower case form: the matcher's language rule handles
 * them.) The cost is one tokenising pass over the text, through the same per-thread word cache
 * as the matcher, and one aggregate of (language, word) counts; the driver receives only the
 * common words that were also seen capitalised often enough to become candidates.
 *
 * <p>A word common enough to matter shows its lower case within a few million characters, so the
 * count reads at most {@code sampleBytes} bytes of text per language: a random sample of the articles
 * of each larger language (fixed seed). That bounds the pass on a large corpus, where it had cost
 * a third of the entity stage, without thinning small languages of a mixed corpus.
 */
public final class CommonWords {
  /** Lower-case occurrences a word needs before it counts as common. */
  static final int MIN_LOWER = 2;
  /** Share of the mid-sentence occurrences in lower case that makes a word common. */
  static final double MIN_LOWER_SHARE = 1.0 / 3;
  /** The language key of articles without one. */
  static final String NO_LANGUAGE = "und";
  private static final long SAMPLE_SEED = 20240619L;
  private static final String LOWER = "lower";
  private static final String CAPITALISED = "capitalised";
  private static final String FORM = "form";
  private static final StructType COUNTS = new StructType()
      .add(LANGUAGE, DataTypes.StringType, false).add(FORM, DataTypes.StringType, false)
      .add(LOWER, DataTypes.LongType, false).add(CAPITALISED, DataTypes.LongType, false);

  private CommonWords() {}

  /** The language key of an article's language. */
  static String key(String language) {
    return language == null ? NO_LANGUAGE : language;
  }

  /**
   * Per language, the match forms of the words that are common there and were seen capitalised
   * mid-sentence at least {@code minCapitalised} times (fewer could never make a candidate of
   * entities/). Input: articles with language (nullable) and text (nullable).
   */
  public static HashMap<String, HashSet<String>> find(Dataset<Row> articles, Broadcast<EntityMatcher> matcher,
      int minCapitalised, long sampleBytes) {
    HashMap<String, HashSet<String>> out = new HashMap<>();
    for (Row r : common(counts(sample(articles, sampleBytes), matcher), minCapitalised).collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new HashSet<>()).add(r.getString(1));
    }
    return out;
  }

  /**
   * The articles, with those of each language whose text exceeds {@code sampleBytes} bytes of UTF-8
   * in all sampled at random down to about that many. One small aggregate (bytes per
   * language) decides the fractions.
   */
  static Dataset<Row> sample(Dataset<Row> articles, long sampleBytes) {
    Column language = coalesce(col(LANGUAGE), lit(NO_LANGUAGE));
    Column keep = null;
    for (Row r : articles.groupBy(language.alias(LANGUAGE)).agg(sum(octet_length(col(TEXT)))).collectAsList()) {
      if (!r.isNullAt(1) && r.getLong(1) > sampleBytes) {
        Column inLanguage = language.equalTo(r.getString(0));
        double fraction = (double) sampleBytes / r.getLong(1);
        keep = keep == null ? when(inLanguage, lit(fraction)) : keep.when(inLanguage, lit(fraction));
      }
    }
    return keep == null ? articles : articles.filter(rand(SAMPLE_SEED).lt(keep.otherwise(lit(1.0))));
  }

  /** (language, form, lower, capitalised) rows that pass the case-ratio test: a small dataset. */
  static Dataset<Row> common(Dataset<Row> counts, int minCapitalised) {
    return counts.filter(col(CAPITALISED).geq(Math.max(1, minCapitalised)).and(col(LOWER).geq(MIN_LOWER))
            .and(col(LOWER).geq(col(LOWER).plus(col(CAPITALISED)).multiply(MIN_LOWER_SHARE))))
        .select(LANGUAGE, FORM);
  }

  /**
   * Mid-sentence case counts per (language, form) over the text: lower = written with a
   * lower-case first letter, capitalised = with a capital first letter, not all in capitals, not
   * at a sentence start. Each partition sums its own words first (a word repeats many times in a
   * partition), then one aggregate sums the partitions.
   */
  static Dataset<Row> counts(Dataset<Row> articles, Broadcast<EntityMatcher> matcher) {
    return articles.select(col(LANGUAGE), col(TEXT))
        .mapPartitions((MapPartitionsFunction<Row, Row>) rows -> partitionCounts(rows, matcher.value()),
            Encoders.row(COUNTS))
        .groupBy(LANGUAGE, FORM).agg(sum(LOWER).alias(LOWER), sum(CAPITALISED).alias(CAPITALISED));
  }

  private static Iterator<Row> partitionCounts(Iterator<Row> rows, EntityMatcher m) {
    Map<String, Map<String, long[]>> counts = new HashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String text = r.getString(1);
      if (text == null || text.isEmpty()) {
        continue;
      }
      Map<String, long[]> words = counts.computeIfAbsent(key(r.getString(0)), k -> new HashMap<>());
      EntityMatcher.FormCache cache = EntityMatcher.FormCache.forThread(m);
      for (Token t : Tokenizer.tokenize(text, cache)) {
        Word w = t.word();
        if (!w.letter()) {
          continue;
        }
        if (!w.capitalized()) {
          words.computeIfAbsent(w.form(), k -> new long[2])[0]++;
        } else if (!t.sentenceStart() && !w.allUpper()) {
          words.computeIfAbsent(w.form(), k -> new long[2])[1]++;
        }
      }
      cache.release();
    }
    List<Row> out = new ArrayList<>();
    counts.forEach((language, words) -> words.forEach((form, c) ->
        out.add(RowFactory.create(language, form, c[0], c[1]))));
    return out.iterator();
  }
}
