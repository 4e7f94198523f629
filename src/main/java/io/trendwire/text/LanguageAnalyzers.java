package io.trendwire.text;

import io.trendwire.entities.MatchForms;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.bg.BulgarianAnalyzer;
import org.apache.lucene.analysis.bg.BulgarianStemFilter;
import org.apache.lucene.analysis.cz.CzechAnalyzer;
import org.apache.lucene.analysis.cz.CzechStemFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.el.GreekLowerCaseFilter;
import org.apache.lucene.analysis.el.GreekStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.no.NorwegianLightStemFilter;
import org.apache.lucene.analysis.pl.PolishAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.stempel.StempelFilter;
import org.apache.lucene.analysis.stempel.StempelStemmer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishLowerCaseFilter;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.apache.lucene.util.IOUtils;

/**
 * The Lucene analysis chain of each language for topic terms: UAX#29 word tokens, lower case,
 * the language's stop words (Lucene's lists), then a light stemmer (inflection only: Lucene's
 * "light" stemmers, plural-only for English, Stempel for Polish, the entity stage's Cyrillic case
 * endings for Ukrainian, which Lucene 9 does not stem without a morphology dictionary).
 * Light rather than Snowball stemming because the terms are shown to people and Snowball
 * over-stems ("Federation" to "feder"); the display form is the most frequent surface anyway.
 * Languages not listed get tokens and lower case only; their frequent words are bounded by the
 * vocabulary's maximum document frequency. Chinese, Japanese and Korean are not here: they are
 * segmented by ICU (see {@link TermAnalysis}).
 */
public final class LanguageAnalyzers {
  private LanguageAnalyzers() {}

  /** Languages with stop words and a stemmer here (ISO 639-1). */
  public static final Set<String> LUCENE_LANGUAGES = Set.of("en", "de", "fr", "it", "es", "pt", "nl", "sv", "no",
      "da", "fi", "ru", "uk", "pl", "cs", "bg", "el", "tr", "ar");

  /** Italian elided articles and prepositions (Lucene's ItalianAnalyzer list, which is private there). */
  private static final CharArraySet ITALIAN_ELISIONS = new CharArraySet(Arrays.asList("c", "l", "all", "dall",
      "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v",
      "d", "quell", "quest", "nessun", "po"), true);

  private static final CharArraySet ENGLISH_STOP = snowballStopSet("english_stop.txt");
  /** Lucene's Ukrainian list, from lucene-analysis-morfologik (read as a resource: its analyzer needs dictionaries). */
  private static final CharArraySet UKRAINIAN_STOP = resourceStopSet("org/apache/lucene/analysis/uk/stopwords.txt");

  /** A new analyzer for {@code language} (not thread-safe to share across threads' streams, cheap). */
  public static Analyzer forLanguage(String language) {
    String lang = language == null ? "" : language;
    return switch (lang) {
      case "en" -> chain(ENGLISH_STOP, ts -> new EnglishMinimalStemFilter(new EnglishPossessiveFilter(ts)));
      case "de" -> chain(GermanAnalyzer.getDefaultStopSet(), ts -> new GermanLightStemFilter(new GermanNormalizationFilter(ts)));
      case "fr" -> chain(FrenchAnalyzer.getDefaultStopSet(),
          ts -> new FrenchLightStemFilter(ts), ts -> new ElisionFilter(ts, FrenchAnalyzer.DEFAULT_ARTICLES));
      case "it" -> chain(ItalianAnalyzer.getDefaultStopSet(),
          ts -> new ItalianLightStemFilter(ts), ts -> new ElisionFilter(ts, ITALIAN_ELISIONS));
      case "es" -> chain(SpanishAnalyzer.getDefaultStopSet(), ts -> new SpanishLightStemFilter(ts));
      case "pt" -> chain(PortugueseAnalyzer.getDefaultStopSet(), ts -> new PortugueseLightStemFilter(ts));
      case "nl" -> chain(DutchAnalyzer.getDefaultStopSet(), ts -> new SnowballFilter(ts, "Dutch"));
      case "sv" -> chain(SwedishAnalyzer.getDefaultStopSet(), ts -> new SwedishLightStemFilter(ts));
      case "no", "nb", "nn" -> chain(NorwegianAnalyzer.getDefaultStopSet(), ts -> new NorwegianLightStemFilter(ts));
      case "da" -> chain(DanishAnalyzer.getDefaultStopSet(), ts -> new SnowballFilter(ts, "Danish"));
      case "fi" -> chain(FinnishAnalyzer.getDefaultStopSet(), ts -> new FinnishLightStemFilter(ts));
      case "ru" -> chain(RussianAnalyzer.getDefaultStopSet(), ts -> new RussianLightStemFilter(ts));
      case "uk" -> chain(UKRAINIAN_STOP, ts -> new MappingFilter(ts, MatchForms::of));
      case "pl" -> chain(PolishAnalyzer.getDefaultStopSet(),
          ts -> new StempelFilter(ts, new StempelStemmer(PolishAnalyzer.getDefaultTable())));
      case "cs" -> chain(CzechAnalyzer.getDefaultStopSet(), ts -> new CzechStemFilter(ts));
      case "bg" -> chain(BulgarianAnalyzer.getDefaultStopSet(), ts -> new BulgarianStemFilter(ts));
      case "el" -> new Chain(GreekAnalyzer.getDefaultStopSet(), ts -> new GreekStemFilter(ts), UnaryOperator.identity(),
          GreekLowerCaseFilter::new);
      case "tr" -> new Chain(TurkishAnalyzer.getDefaultStopSet(), UnaryOperator.identity(), UnaryOperator.identity(),
          TurkishLowerCaseFilter::new);
      case "ar" -> chain(ArabicAnalyzer.getDefaultStopSet(), ts -> new ArabicStemFilter(new ArabicNormalizationFilter(ts)));
      default -> chain(CharArraySet.EMPTY_SET, UnaryOperator.identity());
    };
  }

  /** The stop words of a language as a plain set (for docs and tests). */
  public static Set<String> stopWords(String language) {
    Set<String> out = new TreeSet<>();
    try (Analyzer a = forLanguage(language)) {
      for (Object o : ((Chain) a).stop) {
        out.add(new String((char[]) o));
      }
    }
    return out;
  }

  private static Analyzer chain(CharArraySet stop, UnaryOperator<TokenStream> stem) {
    return new Chain(stop, stem, UnaryOperator.identity(), LowerCaseFilter::new);
  }

  private static Analyzer chain(CharArraySet stop, UnaryOperator<TokenStream> stem, UnaryOperator<TokenStream> elision) {
    return new Chain(stop, stem, elision, LowerCaseFilter::new);
  }

  private static CharArraySet snowballStopSet(String file) {
    try {
      return WordlistLoader.getSnowballWordSet(IOUtils.getDecodingReader(SnowballFilter.class, file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Lucene stop word list " + file + " missing from the classpath", e);
    }
  }

  private static CharArraySet resourceStopSet(String resource) {
    java.io.InputStream in = LanguageAnalyzers.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("stop word list " + resource + " missing from the classpath");
    }
    try (java.io.Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      return WordlistLoader.getWordSet(r);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read stop word list " + resource, e);
    }
  }

  /** tokenizer, lower case, elision, stop words, stemmer: stop words are matched before stemming. */
  private static final class Chain extends Analyzer {
    final CharArraySet stop;
    private final UnaryOperator<TokenStream> stem;
    private final UnaryOperator<TokenStream> elision;
    private final UnaryOperator<TokenStream> lower;

    Chain(CharArraySet stop, UnaryOperator<TokenStream> stem, UnaryOperator<TokenStream> elision,
        UnaryOperator<TokenStream> lower) {
      this.stop = stop;
      this.stem = stem;
      this.elision = elision;
      this.lower = lower;
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream ts = elision.apply(lower.apply(source));
      if (!stop.isEmpty()) {
        ts = new StopFilter(ts, stop);
      }
      return new TokenStreamComponents(source, stem.apply(ts));
    }
  }

  /** Replaces each term by a function of it (keeps the token when the function returns empty). */
  static final class MappingFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final java.util.function.Function<String, String> f;

    MappingFilter(TokenStream in, java.util.function.Function<String, String> f) {
      super(in);
      this.f = f;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        return false;
      }
      String mapped = f.apply(term.toString());
      if (!mapped.isEmpty()) {
        term.setEmpty().append(mapped);
      }
      return true;
    }
  }

  /** Languages whose words ICU segments (no spaces between words). */
  public static final Map<String, String> ICU_LANGUAGES = Map.of("zh", "zh", "ja", "ja", "ko", "ko");
}
