package io.trendwire.entities;

import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.util.ULocale;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compiled gazetteer: a trie over token ids of the aliases' match forms, in flat arrays, built
 * once on the driver and broadcast. {@link #extract} finds, in one article, the longest alias
 * match at each position that passes the alias's case and language rules, the dateline place,
 * and unknown proper names as candidates.
 */
public final class EntityMatcher implements Serializable {
  /** Order in which entities of the same alias are preferred ("Georgia": the country first). */
  private static final List<EntityType> PRIORITY = List.of(EntityType.COUNTRY, EntityType.ORG,
      EntityType.PERSON, EntityType.CITY, EntityType.REGION, EntityType.OTHER);
  /** Lower-case words allowed inside a proper name ("Ursula von der Leyen", "Abu al Sayed"). */
  private static final Set<String> NAME_CONNECTORS = Set.of("von", "van", "der", "den", "de", "di", "da", "del",
      "della", "des", "du", "la", "le", "al", "el", "bin", "ibn", "y", "dos", "do");
  /** Function words that start sentences capitalised; never the first word of a candidate. */
  private static final Set<String> FUNCTION_WORDS = Set.of(
      "the", "a", "an", "in", "on", "at", "for", "and", "but", "as", "by", "to", "of", "from", "with",
      "after", "before", "while", "when", "if", "this", "that", "these", "those", "it", "he", "she", "we",
      "they", "i", "his", "her", "its", "their", "our", "mr", "mrs", "ms", "il", "lo", "la", "gli", "le",
      "un", "una", "uno", "per", "con", "su", "tra", "fra", "nel", "nella", "dal", "dalla", "mentre",
      "anche", "ma", "secondo", "der", "die", "das", "ein", "eine", "im", "am", "auf", "mit", "nach", "bei",
      "und", "el", "los", "las", "en", "del", "les", "des", "une", "au", "aux", "dans", "pour", "par",
      "selon", "apres", "après", "в", "на", "по", "с", "и", "но", "как", "после", "для");
  private static final String POLISH = "pl";
  /** Languages that capitalise every noun. */
  private static final Set<String> NOUNS_CAPITALISED = Set.of("de", "lb");
  /** Languages whose genitive adds -s to a name ("Sveriges", "Litauens", "Danmarks"). */
  private static final Set<String> GENITIVE_S = Set.of("sv", "da", "no", "nb", "nn");
  /**
   * A dateline opens a story: "HOUSTON, March 3 -", "Pyongyang, December 24 (KCNA) --",
   * "MOSCOW, June 19 (Northern Ledger) -", "ROMA -", and with a state or country after the place,
   * as US wires write it: "SAN JOSE, Calif., Feb 26 -", "ALBANY, N.Y., March 3 -". Group 1 is
   * the place, group 2 the qualifier.
   */
  private static final Pattern DATELINE = Pattern.compile(
      "^\\s*([\\p{Lu}][\\p{L}.'’ -]{1,40}?)(?:\\s*,\\s*([\\p{Lu}][\\p{L}]*\\.?(?:\\s?[\\p{Lu}][\\p{L}]*\\.?)?))?"
      + "(?:\\s*,\\s*[\\p{L}]+\\.?\\s+\\d{1,2})?\\s*(?:\\([^)]{1,40}\\))?\\s*(?:-|--|–|—)");

  private final String[] ids;
  private final String[] names;
  private final EntityType[] types;
  private final String[] countries;
  private final String[] wikidata;
  private final int[] aliasEntity;
  private final String[] aliasLanguage;
  private final AliasKind[] aliasKind;
  private final String[][] aliasSurfaces;
  /**
   * Whether the alias's first letter is a capital, so that as a {@link AliasKind#NAME} it must be
   * written capitalised: read for every trie match, so kept flat rather than reached through the
   * surface's String each time.
   */
  private final boolean[] aliasCapitalised;
  /** Aliases entered under their Polish stems: valid in Polish text only. */
  private final boolean[] polishOnly;
  /** For Polish variants that must match as written: the alias's unstemmed forms (else null). */
  private final String[][] exactForms;
  private final HashMap<String, Integer> vocabulary;
  private final LongIntMap transitions;
  private final int[][] terminals;
  /**
   * One-character country abbreviations of Chinese and Japanese news (露 Russia, 朝 North Korea,
   * 米 and 美 the United States; Korean 북, 러), per language, code point → alias: kept out of the
   * trie, since alone each is also a common word (米 rice, 中 middle, 日 day), and read in context
   * instead ({@link #cjkAbbreviations}, {@link #koreanAbbreviations}).
   */
  private final HashMap<String, HashMap<Integer, Integer>> cjkAbbreviations;
  private final HashSet<String> calendarWords;
  /** Office words per language ({@code titles.jsonl}): stripped before a name ("President Yoon" → Yoon). */
  private final Map<String, Set<String>> titleWords;
  /** Institution words per language: never a candidate alone or only with each other and titles. */
  private final Map<String, Set<String>> institutionWords;
  /** Endings of compound office words per language (German "-ministerin": "Energieministerin"). */
  private final Map<String, Set<String>> titleEndings;

  private EntityMatcher(String[] ids, String[] names, EntityType[] types, String[] countries, String[] wikidata,
      int[] aliasEntity, String[] aliasLanguage, AliasKind[] aliasKind, String[][] aliasSurfaces, boolean[] polishOnly,
      String[][] exactForms,
      HashMap<String, Integer> vocabulary, LongIntMap transitions, int[][] terminals,
      HashMap<String, HashMap<Integer, Integer>> cjkAbbreviations, HashSet<String> calendarWords,
      List<Map<String, Set<String>>> officeWords) {
    this.ids = ids;
    this.names = names;
    this.types = types;
    this.countries = countries;
    this.wikidata = wikidata;
    this.aliasEntity = aliasEntity;
    this.aliasLanguage = aliasLanguage;
    this.aliasKind = aliasKind;
    this.aliasSurfaces = aliasSurfaces;
    this.aliasCapitalised = new boolean[aliasSurfaces.length];
    for (int a = 0; a < aliasSurfaces.length; a++) {
      aliasCapitalised[a] = Character.isUpperCase(aliasSurfaces[a][0].codePointAt(0));
    }
    this.polishOnly = polishOnly;
    this.exactForms = exactForms;
    this.vocabulary = vocabulary;
    this.transitions = transitions;
    this.terminals = terminals;
    this.cjkAbbreviations = cjkAbbreviations;
    this.calendarWords = calendarWords;
    this.titleWords = new HashMap<>(officeWords.get(0));
    this.institutionWords = new HashMap<>(officeWords.get(1));
    this.titleEndings = new HashMap<>(officeWords.get(2));
  }

  public static EntityMatcher compile(Gazetteer g) {
    List<GazetteerEntity> entities = g.entities();
    Map<String, Integer> index = new HashMap<>();
    int n = entities.size();
    String[] ids = new String[n];
    String[] names = new String[n];
    EntityType[] types = new EntityType[n];
    String[] countries = new String[n];
    String[] wikidata = new String[n];
    for (int i = 0; i < n; i++) {
      GazetteerEntity e = entities.get(i);
      index.put(e.id(), i);
      ids[i] = e.id();
      names[i] = e.name() == null ? e.id() : e.name();
      types[i] = e.type() == null ? EntityType.OTHER : e.type();
      countries[i] = e.country();
      wikidata[i] = e.wikidataId();
    }
    List<Alias> aliases = new ArrayList<>();
    // Aliases are split into words by the same Words class that articles use (unbound: no token
    // ids yet). In local mode the driver's compile and the executors' matching share one JVM, and
    // a second class at the tokenizer's call to Words made the JIT throw away and recompile the
    // tokenizer's hot code when the first article arrived.
    FormCache aliasWords = new FormCache();
    List<String[]> surfaces = new ArrayList<>();
    List<String[]> forms = new ArrayList<>();
    List<Boolean> variants = new ArrayList<>();
    for (Alias a : g.aliases()) {
      Integer entity = index.get(a.entityId());
      if (entity == null || a.text() == null) {
        continue;
      }
      List<Token> tokens = Tokenizer.tokenize(a.text(), aliasWords);
      if (tokens.isEmpty()) {
        continue;
      }
      String[] s = tokens.stream().map(Token::surface).toArray(String[]::new);
      String[] f = Arrays.stream(s).map(MatchForms::of).toArray(String[]::new);
      // One-letter aliases ("I" of a Roman numeral, CJK single characters) match noise, not names,
      // except the Chinese, Japanese and Korean country abbreviations, which are read in context.
      if (f.length == 1 && f[0].codePointCount(0, f[0].length()) < 2
          && !(a.kind() == AliasKind.ABBREVIATION && abbreviationScript(f[0].codePointAt(0)))) {
        continue;
      }
      aliases.add(a);
      surfaces.add(s);
      forms.add(f);
      variants.add(false);
      // Polish text is matched on Polish stems (MatchForms.polish): the aliases it may use (Polish
      // and any-language ones) are entered under their stems too, valid in Polish text only.
      if (POLISH.equals(a.language()) || Alias.ANY_LANGUAGE.equals(a.language())) {
        String[] p = Arrays.stream(s).map(MatchForms::polish).toArray(String[]::new);
        if (!Arrays.equals(p, f)) {
          aliases.add(a);
          surfaces.add(s);
          forms.add(p);
          variants.add(true);
        }
      }
    }
    int m = aliases.size();
    boolean[] polishOnly = new boolean[m];
    String[][] exactForms = new String[m][];
    for (int a = 0; a < m; a++) {
      polishOnly[a] = variants.get(a);
      Alias alias = aliases.get(a);
      EntityType type = types[index.get(alias.entityId())];
      if (polishOnly[a] && Alias.ANY_LANGUAGE.equals(alias.language()) && (type.isPlace() || type == EntityType.COUNTRY)) {
        // A place name of no language (GeoNames) is not a Polish word: it matches Polish text as
        // written, never "inflected" ("Domu", of Biały Dom, is not Dome in Ghana).
        exactForms[a] = forms.get(a - 1);
      }
    }
    int[] aliasEntity = new int[m];
    String[] aliasLanguage = new String[m];
    AliasKind[] aliasKind = new AliasKind[m];
    String[][] aliasSurfaces = new String[m][];
    HashMap<String, Integer> vocabulary = new HashMap<>();
    HashMap<String, HashMap<Integer, Integer>> cjkAbbreviations = new HashMap<>();
    LongIntMap transitions = new LongIntMap(m * 2);
    List<List<Integer>> terminalLists = new ArrayList<>();
    terminalLists.add(null);
    int states = 1;
    for (int a = 0; a < m; a++) {
      aliasEntity[a] = index.get(aliases.get(a).entityId());
      aliasLanguage[a] = aliases.get(a).language();
      aliasKind[a] = aliases.get(a).kind();
      aliasSurfaces[a] = surfaces.get(a);
      String[] aliasForms = forms.get(a);
      if (aliasForms.length == 1 && aliasForms[0].codePointCount(0, aliasForms[0].length()) == 1
          && abbreviationScript(aliasForms[0].codePointAt(0))) {
        cjkAbbreviations.computeIfAbsent(aliasLanguage[a], l -> new HashMap<>())
            .putIfAbsent(aliasSurfaces[a][0].codePointAt(0), a);
        continue;
      }
      int state = 0;
      for (String form : forms.get(a)) {
        int token = vocabulary.computeIfAbsent(form, k -> vocabulary.size());
        long key = ((long) state << 32) | token;
        int next = transitions.get(key);
        if (next < 0) {
          next = states++;
          transitions.put(key, next);
          terminalLists.add(null);
        }
        state = next;
      }
      if (terminalLists.get(state) == null) {
        terminalLists.set(state, new ArrayList<>());
      }
      terminalLists.get(state).add(a);
    }
    int[][] terminals = new int[states][];
    // A region of no country (a continent, "Europe", "Азия") is the world-level name: it comes
    // before the towns named after it ("Asia" in the Philippines).
    Comparator<Integer> preference = Comparator.comparingDouble(a -> {
      int e = aliasEntity[a];
      return types[e] == EntityType.REGION && countries[e] == null
          ? PRIORITY.indexOf(EntityType.CITY) - 0.5 : PRIORITY.indexOf(types[e]);
    });
    for (int s = 0; s < states; s++) {
      List<Integer> list = terminalLists.get(s);
      if (list != null) {
        list.sort(preference.thenComparingInt(a -> aliasEntity[a]));
        terminals[s] = list.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    return new EntityMatcher(ids, names, types, countries, wikidata, aliasEntity, aliasLanguage, aliasKind,
        aliasSurfaces, polishOnly, exactForms, vocabulary, transitions, terminals, cjkAbbreviations, calendarWords(),
        GazetteerIO.titleWords());
  }

  /** Month and weekday names of the main news languages (CLDR): capitalised, but not names. */
  private static HashSet<String> calendarWords() {
    HashSet<String> words = new HashSet<>();
    for (String lang : new String[] {"en", "it", "de", "fr", "es", "pt", "ru", "uk", "pl", "nl"}) {
      DateFormatSymbols symbols = new DateFormatSymbols(new ULocale(lang));
      for (String[] list : new String[][] {symbols.getMonths(), symbols.getShortMonths(), symbols.getWeekdays(),
          symbols.getMonths(DateFormatSymbols.FORMAT, DateFormatSymbols.WIDE)}) {
        for (String w : list) {
          if (w != null && !w.isEmpty()) {
            words.add(MatchForms.of(w.replace(".", "")));
          }
        }
      }
    }
    return words;
  }

  public int entityCount() {
    return ids.length;
  }

  public int aliasCount() {
    return aliasEntity.length;
  }

  /** Mentions in one field of an article ("title" or "text"), with no corpus evidence of common words. */
  public List<Mention> extract(String text, String field, String language, FormCache cache) {
    return extract(text, field, language, cache, Set.of());
  }

  /**
   * Mentions in one field of an article ("title" or "text"). {@code commonWords}: match forms of
   * the article's language that the corpus writes mostly in lower case ({@link CommonWords}); a
   * lone capitalised one is not a candidate name.
   */
  public List<Mention> extract(String text, String field, String language, FormCache cache, Set<String> commonWords) {
    List<Mention> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    List<Token> tokens = Tokenizer.tokenize(text, cache.of(this));
    int n = tokens.size();
    String[] forms = new String[n];
    int[] ids = new int[n];
    int[] roots = new int[n];
    boolean polish = POLISH.equals(language);
    tokenIds(tokens, language, polish, cache, forms, ids, roots);
    boolean[] covered = new boolean[n];
    int datelineEnd = "text".equals(field) ? dateline(text, tokens, ids, polish, covered, out) : -1;
    boolean[] shouting = shoutingSentences(tokens);
    aliasMentions(text, tokens, ids, roots, field, language, covered, out);
    Map<Integer, Integer> abbreviations = language == null ? null
        : cjkAbbreviations.get(language.startsWith("zh") ? "zh" : language);
    if (abbreviations != null) {
      if (language.equals("ko")) {
        koreanAbbreviations(tokens, forms, covered, field, abbreviations, out);
      } else {
        cjkAbbreviations(text, tokens, covered, field, abbreviations, out);
      }
    }
    candidates(text, tokens, forms, covered, shouting, field, datelineEnd, language, commonWords, out);
    cache.release();
    return out;
  }

  /**
   * Each token's match form, trie id and trie root (ids and roots −1 for words no alias has).
   * Polish words are looked up by their stem, and in languages with a genitive "-s" a word no
   * alias has is looked up without it. (Each loop of {@link #extract} is a method of its own so
   * that the JIT compiles each once and small, rather than the whole of extract once per loop.)
   */
  private void tokenIds(List<Token> tokens, String language, boolean polish, FormCache cache, String[] forms,
      int[] ids, int[] roots) {
    int n = tokens.size();
    boolean genitiveS = language != null && GENITIVE_S.contains(language);
    for (int i = 0; i < n; i++) {
      Word w = tokens.get(i).word();
      forms[i] = w.form();
      if (polish) {
        ids[i] = cache.polishId(w);
        roots[i] = w.polishRoot;
      } else if (genitiveS && w.id() < 0) {
        ids[i] = cache.genitiveId(w);
        roots[i] = w.genitiveRoot;
      } else {
        ids[i] = w.id();
        roots[i] = w.root();
      }
    }
  }

  /**
   * Gazetteer mentions: at each uncovered token, the longest alias run through the trie that
   * {@link #pick} accepts; its tokens become covered.
   */
  private void aliasMentions(String text, List<Token> tokens, int[] ids, int[] roots, String field, String language,
      boolean[] covered, List<Mention> out) {
    int n = tokens.size();
    Mention previous = null;
    for (int i = 0; i < n; i++) {
      if (covered[i] || roots[i] < 0) {
        continue;
      }
      // "Atlanta, Georgia", "Portland, Maine": after "City," prefer a region of the city's country.
      String regionOf = previous != null && previous.type() == EntityType.CITY && i > 0 && covered[i - 1]
          && text.substring(tokens.get(i - 1).end(), tokens.get(i).start()).strip().equals(",")
          ? previous.country() : null;
      int best = -1;
      int bestEnd = -1;
      int state = roots[i];
      for (int j = i; ; ) {
        if (terminals[state] != null) {
          int alias = regionOf == null ? -1 : pickRegion(terminals[state], tokens, i, language, regionOf);
          if (alias < 0) {
            alias = pick(terminals[state], tokens, i, language, false);
          }
          if (alias >= 0) {
            best = alias;
            bestEnd = j;
          }
        }
        if (++j >= n || ids[j] < 0) {
          break;
        }
        state = transitions.get(((long) state << 32) | ids[j]);
        if (state < 0) {
          break;
        }
      }
      if (best >= 0 && firstNameBeforeName(tokens, i, bestEnd, best)) {
        previous = null;
        continue;
      }
      if (best >= 0 && partOfLongerName(tokens, i, bestEnd, best, covered, previous, language)) {
        // "Michael Jordan": a first name that happens to be a place is part of the person's name too.
        if (previous != null && covered[i - 1] && previous.start() == tokens.get(i - 1).start()) {
          out.remove(out.size() - 1);
          covered[i - 1] = false;
        }
        previous = null;
        continue;
      }
      if (best >= 0) {
        previous = mention(best, text, tokens, i, bestEnd, field, "alias");
        out.add(previous);
        Arrays.fill(covered, i, bestEnd + 1, true);
        if (bestEnd > i && (previous.type() == EntityType.ORG || previous.type() == EntityType.OTHER)) {
          // "soldati nordcoreani" (the Korean People's Army), "Forze armate ucraine": an
          // institution's name that names a country also mentions that country.
          nestedPlaces(text, tokens, ids, i, bestEnd, field, language, out);
        }
        i = bestEnd;
      }
    }
  }

  /** Scripts whose one-character country abbreviations the matcher reads in context. */
  private static boolean abbreviationScript(int cp) {
    return Tokenizer.isCjk(cp) || Character.UnicodeScript.of(cp) == Character.UnicodeScript.HANGUL;
  }

  /**
   * Korean pairs of one-syllable country abbreviations, written as one word: 북러 (North Korea and
   * Russia), 한미일. A list rather than any word of such syllables, which would take in 일일
   * (daily), 중미 (Central America), 북미 (North America) and 일한 (worked).
   */
  private static final Set<String> KOREAN_PAIRS = Set.of("북러", "러북", "북중", "북일", "한미", "한중", "한일", "한러",
      "미중", "미일", "미러", "중러", "중일", "러우", "러일", "한미일", "한중일", "북중러");

  /** {@link #KOREAN_PAIRS} in uncovered words (particles cut: 북러의, 한미가): a mention per syllable. */
  private void koreanAbbreviations(List<Token> tokens, String[] forms, boolean[] covered, String field,
      Map<Integer, Integer> abbreviations, List<Mention> out) {
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (covered[i] || !KOREAN_PAIRS.contains(forms[i]) || !t.surface().startsWith(forms[i])) {
        continue;
      }
      for (int c = 0; c < forms[i].length(); c++) {  // Hangul syllables: one char each
        Integer alias = abbreviations.get((int) forms[i].charAt(c));
        if (alias != null) {
          out.add(abbreviationMention(alias, t, c, c + 1, field));
        }
      }
      covered[i] = true;
    }
  }

  /**
   * Words that a one-character country abbreviation qualifies when written right before them:
   * 露軍 (Russian forces), 米大統領 (US president), 朝方 (the North Korean side), 俄外长.
   */
  private static final Set<String> ABBREVIATION_HEADS = Set.of(
      // Japanese
      "軍", "政府", "大統領", "首相", "外相", "国防相", "当局", "側", "紙", "高官", "大使", "大使館", "外務省",
      "国防省", "国務長官", "議会", "企業", "首脳", "国営", "政権", "代表", "特使", "兵", "部隊", "艦", "両国",
      // Chinese
      "军", "军方", "总统", "总理", "外长", "防长", "官员", "媒体", "国防部", "外交部", "领导人", "国务卿", "两国");
  /**
   * Abbreviations that also end Chinese-character words as suffixes: 期間中 (during), 翌日 (the
   * next day), 三台. The others are countries there too: 次期米大統領, the next US president.
   */
  private static final Set<String> SUFFIXES = Set.of("中", "日", "台", "朝");
  /** Prefixes after which a one-character abbreviation names a country: 対露 (towards Russia), 訪米, 驻华. */
  private static final Set<String> ABBREVIATION_PREFIXES = Set.of("対", "訪", "駐", "在", "親", "反", "对", "访", "驻", "亲");
  /**
   * Words made only of abbreviation characters that are something else: 朝日 (the morning sun,
   * Asahi), 中米 (Central America; China and the United States are 米中 in Japanese, 中美 in Chinese).
   */
  private static final Set<String> NOT_ABBREVIATIONS = Set.of("朝日", "中米");

  /**
   * Country abbreviations of Chinese and Japanese news in uncovered tokens (see
   * {@link #cjkAbbreviations}). ICU's word breaker gives them as tokens of their own (露|朝|首脳,
   * 日|米|韓) or, for the commonest pairs, as one word (中俄, 中美). They count where a reader
   * would read them as countries: a word made only of them, one next to another (露朝, 米露), or
   * one before a word it qualifies ({@link #ABBREVIATION_HEADS}) or after a prefix that takes a
   * country ({@link #ABBREVIATION_PREFIXES}). Never one right after a number (24日, the 24th; 3台,
   * three vehicles), nor one of {@link #SUFFIXES} right after another Chinese-character word.
   */
  private void cjkAbbreviations(String text, List<Token> tokens, boolean[] covered, String field,
      Map<Integer, Integer> abbreviations, List<Mention> out) {
    int n = tokens.size();
    int[] run = new int[n];  // per token: -1 not abbreviations, else how many characters
    for (int i = 0; i < n; i++) {
      run[i] = covered[i] ? -1 : abbreviationLength(tokens.get(i).surface(), abbreviations);
    }
    int[] asWritten = run.clone();
    boolean[] afterPrefix = new boolean[n];
    for (int i = 1; i < n; i++) {
      if (run[i] == 1 && contiguous(tokens, i - 1) && asWritten[i - 1] < 0) {
        String previous = tokens.get(i - 1).surface();
        int last = previous.codePointBefore(previous.length());
        afterPrefix[i] = ABBREVIATION_PREFIXES.contains(previous);
        boolean suffix = Character.isDigit(last) || SUFFIXES.contains(tokens.get(i).surface())
            && Character.UnicodeScript.of(last) == Character.UnicodeScript.HAN;
        if (!afterPrefix[i] && suffix) {
          run[i] = -1;
        }
      }
    }
    // A run of those left that spells another word (中|米: Central America, as ICU splits it) is it.
    for (int i = 0, j; i < n; i = j) {
      j = i + 1;
      if (run[i] > 0) {
        while (j < n && run[j] > 0 && contiguous(tokens, j - 1)) {
          j++;
        }
        if (NOT_ABBREVIATIONS.contains(text.substring(tokens.get(i).start(), tokens.get(j - 1).end()))) {
          Arrays.fill(run, i, j, -1);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      if (run[i] < 0) {
        continue;
      }
      boolean inContext = run[i] > 1 || afterPrefix[i]
          || i > 0 && run[i - 1] > 0 && contiguous(tokens, i - 1)
          || i + 1 < n && contiguous(tokens, i) && (run[i + 1] > 0
              || ABBREVIATION_HEADS.contains(tokens.get(i + 1).surface()));
      if (!inContext) {
        continue;
      }
      Token t = tokens.get(i);
      String surface = t.surface();
      for (int c = 0; c < surface.length(); c += Character.charCount(surface.codePointAt(c))) {
        int cp = surface.codePointAt(c);
        out.add(abbreviationMention(abbreviations.get(cp), t, c, c + Character.charCount(cp), field));
      }
      covered[i] = true;
    }
  }

  /** The word's length in characters if every one of them is a country abbreviation; else -1. */
  private static int abbreviationLength(String surface, Map<Integer, Integer> abbreviations) {
    int count = 0;
    for (int c = 0; c < surface.length(); c += Character.charCount(surface.codePointAt(c))) {
      if (!abbreviations.containsKey(surface.codePointAt(c))) {
        return -1;
      }
      count++;
    }
    return count;
  }

  /** The mention of a one-character abbreviation: characters from..to of token t. */
  private Mention abbreviationMention(int alias, Token t, int from, int to, String field) {
    int e = aliasEntity[alias];
    return new Mention(ids[e], names[e], types[e], countries[e], t.surface().substring(from, to), field, t.sentence(),
        t.start() + from, t.start() + to, "alias", AliasKind.ABBREVIATION);
  }

  /** Whether token i ends where token i + 1 starts. */
  private static boolean contiguous(List<Token> tokens, int i) {
    return tokens.get(i).end() == tokens.get(i + 1).start();
  }

  /** The first alias at a trie state whose language and case rules hold for tokens from..; -1 if none. */
  private int pick(int[] aliases, List<Token> tokens, int from, String language, boolean ignoreCase) {
    for (int a : aliases) {
      String lang = aliasLanguage[a];
      boolean languageOk = polishOnly[a] ? POLISH.equals(language)
          : Alias.ANY_LANGUAGE.equals(lang) || language == null || "und".equals(language)
          || lang.equals(language) || (lang.equals("nb") && language.equals("no"));
      if (languageOk && (ignoreCase || caseHolds(a, tokens, from)) && !weakAtWeakSpot(a, tokens, from)
          && asWritten(a, tokens, from)) {
        return a;
      }
    }
    return -1;
  }

  /** Whether a Polish variant that must match as written does (see {@link #exactForms}). */
  private boolean asWritten(int alias, List<Token> tokens, int from) {
    String[] exact = exactForms[alias];
    if (exact == null) {
      return true;
    }
    for (int k = 0; k < exact.length; k++) {
      if (!tokens.get(from + k).word().form().equals(exact[k])) {
        return false;
      }
    }
    return true;
  }

  private int pickRegion(int[] aliases, List<Token> tokens, int from, String language, String country) {
    for (int a : aliases) {
      int e = aliasEntity[a];
      if (types[e] == EntityType.REGION && country.equals(countries[e]) && pick(new int[] {a}, tokens, from, language,
          false) >= 0) {
        return a;
      }
    }
    return -1;
  }

  /**
   * A one-word place name valid in every language (GeoNames' names carry no language) is weak
   * evidence where capitals say nothing: at the start of a sentence ("Nord", "Selon", "Det" are
   * common words) or written in capitals ("FROM", "MORE"). Datelines are read separately.
   */
  private boolean weakAtWeakSpot(int alias, List<Token> tokens, int from) {
    if (aliasSurfaces[alias].length != 1 || !Alias.ANY_LANGUAGE.equals(aliasLanguage[alias])
        || !types[aliasEntity[alias]].isPlace()) {
      return false;
    }
    Token t = tokens.get(from);
    return t.sentenceStart() || t.allUpper() && t.surface().length() > 2;
  }

  private boolean caseHolds(int alias, List<Token> tokens, int from) {
    switch (aliasKind[alias]) {
      case ABBREVIATION:
        String[] surfaces = aliasSurfaces[alias];
        for (int k = 0; k < surfaces.length; k++) {
          if (!tokens.get(from + k).surface().equals(surfaces[k])) {
            return false;
          }
        }
        return true;
      case NAME:
        return !aliasCapitalised[alias] || tokens.get(from).capitalized();
      default:
        return true;
    }
  }

  /**
   * A one-word country or city name right after a capitalised word that is not part of any match
   * is a person's surname or part of another name ("Michael Jordan", "Jack London"): not a place.
   */
  private boolean partOfLongerName(List<Token> tokens, int from, int to, int alias, boolean[] covered,
      Mention previousMention, String language) {
    if (from != to || from == 0 || aliasKind[alias] != AliasKind.NAME) {
      return false;
    }
    EntityType type = types[aliasEntity[alias]];
    if (type != EntityType.COUNTRY && !type.isPlace()) {
      return false;
    }
    // German capitalises every noun: "Nachbarland Polen", "Volksrepublik China", "Präsident
    // Frankreichs" put a capitalised common noun before a country that is no one's surname.
    if (type == EntityType.COUNTRY && NOUNS_CAPITALISED.contains(language)) {
      return false;
    }
    Token previous = tokens.get(from - 1);
    Token current = tokens.get(from);
    boolean firstNameLike = !covered[from - 1] || previousMention != null && previousMention.type().isPlace()
        && previousMention.start() == previous.start() && previousMention.end() == previous.end();
    return firstNameLike && previous.sentence() == current.sentence() && previous.capitalized()
        && !previous.allUpper() && !previous.sentenceStart() && previous.end() + 1 == current.start();
  }

  /**
   * A one-word city or region name right before another capitalised word is a first name or
   * part of another name ("Vladimir Putin" written "Wladimir Putin", "Владимир Путин"; "Florence
   * Pugh"; "New York Times" is longer than the city): not a place.
   */
  private boolean firstNameBeforeName(List<Token> tokens, int from, int to, int alias) {
    if (from != to || from + 1 >= tokens.size() || aliasKind[alias] != AliasKind.NAME
        || !types[aliasEntity[alias]].isPlace()) {
      return false;
    }
    Token current = tokens.get(from);
    Token next = tokens.get(from + 1);
    return next.sentence() == current.sentence() && next.capitalized() && !next.allUpper() && !current.allUpper()
        && current.end() + 1 == next.start();
  }

  /** Country and place aliases inside tokens from..to (exclusive of the whole span). */
  private void nestedPlaces(String text, List<Token> tokens, int[] ids, int from, int to, String field,
      String language, List<Mention> out) {
    for (int i = from; i < to + 1; i++) {
      int state = 0;
      int best = -1;
      int bestEnd = -1;
      int last = i == from ? to - 1 : to;  // not the whole span itself
      for (int j = i; j < last + 1; j++) {
        state = ids[j] < 0 ? -1 : transitions.get(((long) state << 32) | ids[j]);
        if (state < 0) {
          break;
        }
        if (terminals[state] != null) {
          for (int a : terminals[state]) {
            EntityType type = types[aliasEntity[a]];
            if ((type == EntityType.COUNTRY || type.isPlace()) && pick(new int[] {a}, tokens, i, language, false) >= 0) {
              best = a;
              bestEnd = j;
              break;
            }
          }
        }
      }
      if (best >= 0) {
        out.add(mention(best, text, tokens, i, bestEnd, field, "alias"));
        i = bestEnd;
      }
    }
  }

  private int dateline(String text, List<Token> tokens, int[] ids, boolean polish, boolean[] covered,
      List<Mention> out) {
    Matcher m = DATELINE.matcher(text).region(0, Math.min(text.length(), 200));
    if (!m.lookingAt()) {
      return -1;
    }
    int last = lastTokenBefore(tokens, 0, m.end(1));
    if (last < 0 || last > 4) {
      return -1;
    }
    // "SAN JOSE, Calif.": the qualifier names the region or country, which decides between places
    // of the same name (San Jose, California, not San José, Costa Rica).
    int qualifier = -1;
    int qualifierFirst = last + 1;
    int qualifierLast = m.group(2) == null ? -1 : lastTokenBefore(tokens, qualifierFirst, m.end(2));
    if (qualifierLast >= qualifierFirst) {
      int state = walk(ids, qualifierFirst, qualifierLast);
      if (state >= 0 && terminals[state] != null) {
        for (int a : terminals[state]) {
          EntityType type = types[aliasEntity[a]];
          if ((type == EntityType.REGION || type == EntityType.COUNTRY) && (polish || !polishOnly[a])
              && asWritten(a, tokens, qualifierFirst)
              && countries[aliasEntity[a]] != null) {
            qualifier = a;
            break;
          }
        }
      }
    }
    String country = qualifier < 0 ? null : countries[aliasEntity[qualifier]];
    int placeEnd = -1;
    // Longest place alias over the dateline's words, any case (datelines are often in capitals).
    for (int end = last; end >= 0 && placeEnd < 0; end--) {
      int state = walk(ids, 0, end);
      if (state >= 0 && terminals[state] != null) {
        for (int a : terminals[state]) {
          int e = aliasEntity[a];
          if ((types[e] == EntityType.COUNTRY || types[e].isPlace()) && (polish || !polishOnly[a]) && asWritten(a, tokens, 0)
              && (country == null || country.equals(countries[e]))) {
            out.add(mention(a, text, tokens, 0, end, "text", "dateline"));
            placeEnd = end;
            break;
          }
        }
      }
    }
    int datelineEnd = placeEnd;
    if (qualifier >= 0) {
      // The qualifier is part of the dateline; alone when its place is not in the gazetteer.
      out.add(mention(qualifier, text, tokens, qualifierFirst, qualifierLast, "text", "dateline"));
      datelineEnd = qualifierLast;
    }
    Arrays.fill(covered, 0, datelineEnd + 1, true);
    return datelineEnd;
  }

  /** The last token from {@code from} that ends at or before {@code end}; from - 1 if none. */
  private static int lastTokenBefore(List<Token> tokens, int from, int end) {
    int last = from - 1;
    for (int i = from; i < tokens.size() && tokens.get(i).end() <= end; i++) {
      last = i;
    }
    return last;
  }

  /**
   * The trie state after tokens from..to (inclusive), -1 if they leave the trie. Here and in the
   * matcher's other loops an inclusive end is written {@code j < to + 1}, not {@code j <= to}: for
   * the latter C2 adds a loop-limit check that trapped and recompiled the method (docs/architecture.md).
   */
  private int walk(int[] ids, int from, int to) {
    int state = 0;
    for (int j = from; j < to + 1; j++) {
      state = ids[j] < 0 ? -1 : transitions.get(((long) state << 32) | ids[j]);
      if (state < 0) {
        break;
      }
    }
    return state;
  }

  /** Sentences written all in capitals (wire headlines): their capitals say nothing about names. */
  private static boolean[] shoutingSentences(List<Token> tokens) {
    int sentences = tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).sentence() + 1;
    int[] letters = new int[sentences];
    int[] upper = new int[sentences];
    for (Token t : tokens) {
      if (t.word().letter()) {
        letters[t.sentence()]++;
        if (t.allUpper() && t.surface().length() > 1) {
          upper[t.sentence()]++;
        }
      }
    }
    boolean[] shouting = new boolean[sentences];
    for (int s = 0; s < sentences; s++) {
      shouting[s] = letters[s] >= 3 && upper[s] * 10 >= letters[s] * 6;
    }
    return shouting;
  }

  /**
   * Unknown proper names: runs of capitalised words (with name connectors inside) that no alias
   * covers. A lone sentence-initial word is not a name; a run that starts a sentence loses a
   * leading function word; month and weekday names are not names. An office before a name is not
   * part of it ("President Yoon" → Yoon, "Foreign Minister Choe Son Hui" → Choe Son Hui), and a
   * run of only office and institution words ("Consiglio", "Affaires étrangères") is no name.
   * A single word is no name in a language that capitalises every noun (German "Prozent"), nor
   * when the corpus writes it mostly in lower case ({@code commonWords}: Italian "il Paese"),
   * unless an office stands before it ("Präsident Macron").
   */
  private void candidates(String text, List<Token> tokens, String[] forms, boolean[] covered, boolean[] shouting,
      String field, int datelineEnd, String language, Set<String> commonWords, List<Mention> out) {
    int n = tokens.size();
    Set<String> titles = language == null ? Set.of() : titleWords.getOrDefault(language, Set.of());
    Set<String> institutions = language == null ? Set.of() : institutionWords.getOrDefault(language, Set.of());
    Set<String> endings = language == null ? Set.of() : titleEndings.getOrDefault(language, Set.of());
    boolean nounsCapitalised = language != null && NOUNS_CAPITALISED.contains(language);
    int i = 0;
    while (i < n) {
      Token t = tokens.get(i);
      if (covered[i] || i <= datelineEnd || !isNameWord(t, forms[i]) || shouting[t.sentence()]) {
        i++;
        continue;
      }
      int end = nameRunEnd(text, tokens, forms, covered, i);
      int start = i;
      if (tokens.get(start).sentenceStart() && FUNCTION_WORDS.contains(forms[start])) {
        start++;
      }
      int lead = start;
      boolean office = false;
      while (lead < end + 1 && (NAME_CONNECTORS.contains(forms[lead])
          || officeWord(tokens.get(lead).word(), forms[lead], titles, institutions, endings))) {
        office |= titles.contains(forms[lead]) || endsWithAny(forms[lead], endings);
        lead++;
      }
      if (office || lead > end) {
        start = lead;
      }
      boolean single = start == end;
      boolean loneSentenceStart = single && tokens.get(start).sentenceStart();
      if (start <= end && !loneSentenceStart && !tokens.get(start).allUpper()
          // After an office the word is a name whatever its language ("Präsident Macron").
          && !(single && !office && (nounsCapitalised || commonWords.contains(forms[start])))) {
        out.add(candidate(text, tokens, forms, start, end, field));
      }
      i = end + 1;
    }
  }

  /**
   * The last token of the run of name words that starts at token {@code i}: capitalised words of
   * one sentence, joined by spaces or hyphens ({@link #joined}), with name connectors ("de", "bin")
   * between them, up to the first covered token.
   */
  private int nameRunEnd(String text, List<Token> tokens, String[] forms, boolean[] covered, int i) {
    int n = tokens.size();
    int sentence = tokens.get(i).sentence();
    int end = i;
    int j = i + 1;
    while (j < n && !covered[j] && tokens.get(j).sentence() == sentence
        && joined(text, tokens.get(j - 1).end(), tokens.get(j).start())) {
      Token u = tokens.get(j);
      if (isNameWord(u, forms[j]) && !u.allUpper()) {
        end = j;
        j++;
      } else if (NAME_CONNECTORS.contains(forms[j]) && j + 1 < n && !covered[j + 1]
          && isNameWord(tokens.get(j + 1), forms[j + 1])) {
        j++;
      } else {
        break;
      }
    }
    return end;
  }

  /** The candidate mention of tokens start..end: id "cand:" and their match forms joined by "-". */
  private static Mention candidate(String text, List<Token> tokens, String[] forms, int start, int end, String field) {
    StringBuilder key = new StringBuilder("cand:");
    key.append(forms[start]);
    for (int k = start + 1; k < end + 1; k++) {
      key.append('-').append(forms[k]);
    }
    String surface = text.substring(tokens.get(start).start(), tokens.get(end).end());
    return new Mention(key.toString(), surface, EntityType.CANDIDATE, null, surface, field,
        tokens.get(start).sentence(), tokens.get(start).start(), tokens.get(end).end(), "candidate", null);
  }

  /**
   * Whether the words around text[from, to) can belong to one name: only spaces, hyphens and
   * apostrophes between them ("Jean-Pierre", "O'Brien"); a comma, colon, bracket or quote
   * separates two things ("the minister of Defence, Crosetto").
   */
  private static boolean joined(String text, int from, int to) {
    for (int k = from; k < to; k++) {
      char c = text.charAt(k);
      if (!Character.isWhitespace(c) && c != '-' && c != '\'' && c != '’' && c != '\u00a0') {
        return false;
      }
    }
    return true;
  }

  /** Whether the word is an office or institution word of the language; cached per word whether it is one anywhere. */
  private boolean officeWord(Word w, String form, Set<String> titles, Set<String> institutions,
      Set<String> endings) {
    if (w.officeWord == 0) {
      boolean any = false;
      for (Set<String> s : titleEndings.values()) {
        any |= endsWithAny(form, s);
      }
      for (Set<String> s : titleWords.values()) {
        any |= s.contains(form);
      }
      for (Set<String> s : institutionWords.values()) {
        any |= s.contains(form);
      }
      w.officeWord = (byte) (any ? 1 : -1);
    }
    return w.officeWord > 0 && (titles.contains(form) || institutions.contains(form) || endsWithAny(form, endings));
  }

  private static boolean endsWithAny(String form, Set<String> endings) {
    for (String e : endings) {
      if (form.endsWith(e)) {
        return true;
      }
    }
    return false;
  }

  private boolean isNameWord(Token t, String form) {
    Word w = t.word();
    if (!w.capitalized()) {
      return false;
    }
    if (w.nameWord == 0) {
      w.nameWord = (byte) (t.surface().codePointCount(0, t.surface().length()) > 1
          && !Character.isDigit(t.surface().charAt(0)) && !calendarWords.contains(form) ? 1 : -1);
    }
    return w.nameWord > 0;
  }

  private Mention mention(int alias, String text, List<Token> tokens, int from, int to, String field, String method) {
    int e = aliasEntity[alias];
    String country = types[e] == EntityType.COUNTRY || types[e].isPlace() ? countries[e] : null;
    return new Mention(ids[e], names[e], types[e], country,
        text.substring(tokens.get(from).start(), tokens.get(to).end()), field, tokens.get(from).sentence(),
        tokens.get(from).start(), tokens.get(to).end(), method, aliasKind[alias]);
  }

  /** Every gazetteer entity, for the entities/ report. */
  public List<GazetteerEntity> entities() {
    List<GazetteerEntity> list = new ArrayList<>(ids.length);
    for (int i = 0; i < ids.length; i++) {
      list.add(new GazetteerEntity(ids[i], names[i], types[i], countries[i], wikidata[i]));
    }
    return list;
  }

  /**
   * The words of a partition: most words repeat, and computing a word's form (normalising,
   * stemming), id and capitalisation costs more than finding it again, so each task keeps the words
   * it has seen, in an open-addressing table keyed by the span's hash and compared in place, so
   * that a word seen before costs no substring and no boxed lookup. Not thread-safe: one per task.
   * Unbound (before {@link #of}), it gives words without token ids: the compile's alias words.
   */
  public static final class FormCache implements Tokenizer.Words {
    private static final int MAX = 1 << 18;
    /** One cache per executor thread, kept across tasks: a partition's words are mostly the last one's. */
    private static final ThreadLocal<FormCache> THREAD = ThreadLocal.withInitial(FormCache::new);
    private long[] keys = new long[1 << 12];
    private Word[] words = new Word[1 << 12];
    /**
     * The characters of the cached long words (whose keys are only length and hash), one after
     * another, and each slot's offset into them: a hit is confirmed against one flat array
     * rather than through the Word, its String and that String's bytes, three scattered reads.
     */
    private char[] chars = new char[1 << 15];
    private int[] at = new int[1 << 12];
    private int charsUsed;
    private int size;
    /** Weak: a thread's cache must not keep the gazetteer of a finished job alive. */
    private java.lang.ref.WeakReference<EntityMatcher> bound = new java.lang.ref.WeakReference<>(null);
    private EntityMatcher matcher;

    /** This thread's cache, bound to {@code m}. */
    public static FormCache forThread(EntityMatcher m) {
      return THREAD.get().of(m);
    }

    @Override
    public Word word(String text, int start, int end, long key) {
      int mask = words.length - 1;
      int slot = mix(key) & mask;
      boolean confirm = (key & Tokenizer.LONG_WORD) != 0;
      for (Word w = words[slot]; w != null; w = words[slot]) {
        if (keys[slot] == key && (!confirm || sameChars(text, start, end, at[slot]))) {
          return w;
        }
        slot = (slot + 1) & mask;
      }
      String surface = text.substring(start, end);
      String form = MatchForms.of(surface);
      Integer id = matcher == null ? null : matcher.vocabulary.get(form);
      Word w = id == null ? new Word(surface, form, -1, -1) : new Word(surface, form, id, matcher.transitions.get(id));
      if (size >= MAX) {
        // A bounded memory for a long run over a large vocabulary: start afresh.
        Arrays.fill(words, null);
        size = 0;
        charsUsed = 0;
      } else if ((size + 1) * 2 > words.length) {
        grow();
      }
      insert(key, w, confirm ? keep(text, start, end) : -1);
      return w;
    }

    /** Whether text[start, end) is the long word kept at chars[offset]; the key already vouches for the length. */
    private boolean sameChars(String text, int start, int end, int offset) {
      char[] c = chars;
      for (int k = start, o = offset; k < end; k++, o++) {
        if (c[o] != text.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    /** Appends text[start, end) to the kept characters; returns its offset. */
    private int keep(String text, int start, int end) {
      int length = end - start;
      if (charsUsed + length > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(chars.length * 2, charsUsed + length));
      }
      text.getChars(start, end, chars, charsUsed);
      charsUsed += length;
      return charsUsed - length;
    }

    /** The token id of the word's Polish stem ({@link MatchForms#polish}), computed once per word. */
    int polishId(Word w) {
      if (w.polishId == Word.UNKNOWN) {
        Integer id = matcher.vocabulary.get(MatchForms.polish(w.surface()));
        w.polishId = id == null ? -1 : id;
        w.polishRoot = id == null ? -1 : matcher.transitions.get(id);
      }
      return w.polishId;
    }

    /**
     * For a word in no alias, the token id of the word without a genitive -s ("Sveriges" →
     * sverige), computed once per word; -1 if that is in no alias either.
     */
    int genitiveId(Word w) {
      if (w.genitiveId == Word.UNKNOWN) {
        String form = w.form();
        Integer id = form.length() > 3 && form.endsWith("s")
            ? matcher.vocabulary.get(form.substring(0, form.length() - 1)) : null;
        w.genitiveId = id == null ? -1 : id;
        w.genitiveRoot = id == null ? -1 : matcher.transitions.get(id);
      }
      return w.genitiveId;
    }

    /** Binds the cache to the matcher whose vocabulary gives the token ids; a new matcher starts afresh. */
    FormCache of(EntityMatcher m) {
      if (bound.get() != m) {
        bound = new java.lang.ref.WeakReference<>(m);
        Arrays.fill(words, null);
        size = 0;
        charsUsed = 0;
      }
      matcher = m;
      return this;
    }

    /** Lets go of the matcher after a text, so that only the weak binding remains. */
    void release() {
      matcher = null;
    }

    private void insert(long key, Word w, int offset) {
      int mask = words.length - 1;
      int slot = mix(key) & mask;
      while (words[slot] != null) {
        slot = (slot + 1) & mask;
      }
      words[slot] = w;
      keys[slot] = key;
      at[slot] = offset;
      size++;
    }

    private void grow() {
      Word[] old = words;
      long[] oldKeys = keys;
      int[] oldAt = at;
      words = new Word[old.length * 2];
      keys = new long[old.length * 2];
      at = new int[old.length * 2];
      size = 0;
      for (int k = 0; k < old.length; k++) {
        if (old[k] != null) {
          insert(oldKeys[k], old[k], oldAt[k]);
        }
      }
    }

    /** Murmur3's finaliser: every bit of the key reaches the low bits that pick the slot. */
    private static int mix(long key) {
      long h = (key ^ (key >>> 33)) * 0xff51afd7ed558ccdL;
      h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
      return (int) (h ^ (h >>> 33));
    }
  }
}
