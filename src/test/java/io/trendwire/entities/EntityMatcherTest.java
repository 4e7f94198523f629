package io.trendwire.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Matching with the built-in gazetteer: languages, inflection, case and context rules, candidates. */
class EntityMatcherTest {
  private static EntityMatcher matcher;

  @BeforeAll
  static void compile() {
    matcher = EntityMatcher.compile(GazetteerIO.load(List.of(), new Configuration()));
  }

  private static List<Mention> extract(String text, String language) {
    return matcher.extract(text, "text", language, new EntityMatcher.FormCache());
  }

  private static Set<String> ids(String text, String language) {
    return extract(text, language).stream().filter(m -> m.type() != EntityType.CANDIDATE)
        .map(Mention::entityId).collect(Collectors.toSet());
  }

  private static Set<String> countries(String text, String language) {
    return extract(text, language).stream().map(Mention::country).filter(c -> c != null).collect(Collectors.toSet());
  }

  /**
   * The word cache keys short words by their packed characters and longer ones by length and
   * hash, confirmed against the text: words that share their first 7 characters, that differ only
   * in the last one, or whose String hashes collide ("Aa" and "BB" hash alike) each get their own
   * Word, and a word seen again gets the same one.
   */
  @Test
  void theWordCacheNeverConfusesTwoWords() {
    String text = "Internationale Internationals Internationalee Internationalea Hauptstadtbahnhof "
        + "Hauptstadtbahnhoa AaAaAaAaAaAaAaAaAa BBAaAaAaAaAaAaAaAa AaBBAaAaAaAaAaAaAa Москва Москве 北京 "
        + "Internationale Hauptstadtbahnhof BBAaAaAaAaAaAaAaAa Москве";
    EntityMatcher.FormCache cache = new EntityMatcher.FormCache().of(matcher);
    List<Token> tokens = Tokenizer.tokenize(text, cache);
    java.util.Map<String, Word> seen = new java.util.HashMap<>();
    for (Token t : tokens) {
      String written = text.substring(t.start(), t.end());
      assertEquals(written, t.surface());
      Word first = seen.putIfAbsent(written, t.word());
      assertTrue(first == null || first == t.word(), written + " got a second Word");
    }
    assertEquals(12, seen.size());
    assertEquals(seen.size(), seen.values().stream().distinct().count());
  }

  @Test
  void seedArticleFindsEveryEntityOfTheStory() throws IOException {
    String text = Files.readString(SparkTestSession.shared().resolve("seeds/000_c2cd494f7bde4b07.txt"));
    List<Mention> mentions = extract(text, "it");
    Set<String> found = mentions.stream().map(Mention::entityId).collect(Collectors.toSet());
    for (String expected : List.of("country:RU", "country:KP", "country:UA", "country:KR", "country:US", "org:nato",
        "person:vladimir-putin", "person:volodymyr-zelenskyy", "person:rustem-umerov", "city:RU:kursk", "org:kbs",
        "city:KP:pyongyang", "city:RU:moscow", "city:UA:kyiv")) {
      assertTrue(found.contains(expected), expected + " should be found in the seed; found " + found);
    }
    List<Token> tokens = Tokenizer.tokenize(text);
    for (Mention m : mentions) {
      Token first = tokens.stream().filter(t -> t.start() == m.start()).findFirst().orElseThrow();
      boolean singleWord = tokens.stream().filter(t -> t.start() >= m.start() && t.end() <= m.end()).count() == 1;
      assertFalse(m.type() == EntityType.CANDIDATE && first.sentenceStart() && singleWord,
          "a capitalised sentence-initial word became an entity: " + m);
    }
  }

  @Test
  void countryNamesInManyLanguagesAndScripts() {
    assertEquals(Set.of("KP", "RU"), countries("Nordkorea und Russland vertiefen ihre Zusammenarbeit.", "de"));
    assertEquals(Set.of("KP", "RU"), countries("La Corée du Nord et la Russie ont signé un traité.", "fr"));
    assertEquals(Set.of("KP", "RU"), countries("北朝鮮とロシアは条約に署名した。", "ja"));
    assertEquals(Set.of("KP", "RU"), countries("朝鲜和俄罗斯签署了条约。", "zh"));
    assertEquals(Set.of("KP", "RU"), countries("북한과 러시아가 조약에 서명했다.", "ko"));
  }

  /**
   * Japanese and Chinese news abbreviate countries to one character (露朝 首脳会談, 中俄关系), each
   * also a common word alone (米 rice, 中 in, 日 day): counted next to another, before a word they
   * qualify or after a prefix that takes a country, never as a date, a counter or a suffix.
   */
  @Test
  void oneCharacterCountryAbbreviationsOfChineseAndJapaneseCountInContextOnly() {
    assertEquals(Set.of("RU", "KP"), countries("露朝首脳会談が平壌で開かれた。", "ja"));
    assertEquals(Set.of("JP", "US", "KR"), countries("日米韓の首脳が会談した。", "ja"));
    assertEquals(Set.of("RU"), countries("プーチン露大統領が演説した。", "ja"));
    assertEquals(Set.of("US"), countries("トランプ次期米大統領の就任が迫る。", "ja"));
    assertEquals(Set.of("US"), countries("米軍は撤退した。", "ja"));
    assertEquals(Set.of("RU"), countries("政府は対露制裁を強化した。", "ja"));
    // 24日 is a date and 中 ends 期間 (during): only the United States (米軍, 米大統領) is named.
    assertEquals(Set.of("US"), countries("24日米大統領が来日した。", "ja"));
    assertEquals(Set.of("US"), countries("訓練期間中米軍は待機した。", "ja"));
    // Rice, the sun, a counter: no country.
    assertEquals(Set.of(), countries("日本の米の価格が上がった。", "ja").stream().filter(c -> !c.equals("JP"))
        .collect(Collectors.toSet()));
    assertEquals(Set.of(), countries("車を3台買った。朝日が昇る。", "ja"));
    assertEquals(Set.of("US", "CN"), countries("米中関係が緊張した。", "ja"));
    assertEquals(Set.of(), countries("中米の国々", "ja"));
    List<Mention> pair = extract("露朝の軍事協力", "ja");
    assertEquals(List.of("露", "朝"), pair.stream().map(Mention::surface).toList());
    assertEquals(List.of(0, 1), pair.stream().map(Mention::start).toList());

    assertEquals(Set.of("CN", "RU"), countries("中俄关系不断发展。", "zh"));
    assertEquals(Set.of("KP", "RU"), countries("朝俄军事合作引发关注。", "zh"));
    assertEquals(Set.of("RU", "UA"), countries("俄乌冲突仍在继续。", "zh"));
    assertEquals(Set.of("US"), countries("美方表示关切。", "zh"));
    assertEquals(Set.of("RU"), countries("俄外长访问平壤。", "zh").stream().filter(c -> !c.equals("KP"))
        .collect(Collectors.toSet()));
    // In other languages the characters are nothing.
    assertEquals(Set.of(), countries("米 中 日", "en"));
  }

  /** Korean writes pairs of countries as one word of one-syllable abbreviations: 북러, 한미일. */
  @Test
  void koreanCountryPairsAreTheirCountries() {
    assertEquals(Set.of("KP", "RU"), countries("북러 정상회담이 열렸다.", "ko"));
    assertEquals(Set.of("KP", "RU"), countries("북러의 군사 협력이 깊어졌다.", "ko"));
    assertEquals(Set.of("KR", "US", "JP"), countries("한미일 정상이 만났다.", "ko"));
    assertEquals(Set.of("RU", "UA"), countries("러우 전쟁이 계속되고 있다.", "ko"));
    List<Mention> pair = extract("북러가 조약을 맺었다.", "ko");
    assertEquals(List.of("북", "러"), pair.stream().map(Mention::surface).toList());
    assertEquals(List.of(0, 1), pair.stream().map(Mention::start).toList());
    // North America, daily, one: not countries.
    assertEquals(Set.of(), countries("북미 대륙의 일일 보고서 한 부.", "ko"));
  }

  @Test
  void koreanParticlesAreCutOff() {
    assertTrue(ids("북한의 김정은 위원장은 러시아를 방문했다.", "ko").containsAll(Set.of("country:KP", "country:RU")),
        "북한의 (of North Korea) and 러시아를 (Russia, object) match without their particles");
  }

  @Test
  void russianAndUkrainianCasesMatchLikeTheNominative() {
    assertTrue(ids("Делегация Северной Кореи прибыла в Москву.", "ru").containsAll(Set.of("country:KP", "city:RU:moscow")),
        "Северной Кореи (genitive) and Москву (accusative)");
    assertTrue(ids("Договор с КНДР ратифицировали в Москве.", "ru").contains("country:KP"), "КНДР");
    assertTrue(ids("Україна веде переговори з Росією.", "uk").containsAll(Set.of("country:UA", "country:RU")),
        "з Росією (instrumental)");
  }

  @Test
  void polishCasesMatchLikeTheNominative() {
    assertEquals(Set.of("AT", "NL"), countries("Kanclerz Austrii rozmawiał z premierem Holandii.", "pl"),
        "Austrii, Holandii (genitive)");
    assertEquals(Set.of("RU", "UA"), countries("Rosja prowadzi wojnę przeciwko Ukrainie.", "pl"),
        "Ukrainie (dative)");
    assertEquals(Set.of("KP", "RU"), countries("Żołnierze z Korei Północnej walczą po stronie Rosji.", "pl"),
        "Korei Północnej, Rosji (genitive)");
    assertTrue(ids("Delegacja przyleciała do Moskwy, a potem do Warszawy.", "pl")
        .containsAll(Set.of("city:RU:moscow", "city:PL:warsaw")), "Moskwy, Warszawy (genitive)");
    assertTrue(ids("Rozmowa z Putinem trwała godzinę.", "pl").contains("person:vladimir-putin"), "Putinem");
  }

  @Test
  void polishStemsAreForPolishTextOnly() {
    // "Chin" is the Polish stem of Chiny (China); in English it is a word or a Burmese state.
    assertFalse(countries("Chin leaders met in Hakha.", "en").contains("CN"), "English Chin is not China");
    assertTrue(countries("Delegacja Chin przyjechała do Paryża.", "pl").contains("CN"), "Chin is China in Polish");
    // Proper names that look inflected keep their own identity: Austria is not Australia.
    assertEquals(Set.of("AU"), countries("Premier Australii odwiedził Sydney.", "pl"), "Australii");
    // Place names of no language are matched as written: "Domu" (of Biały Dom) is not Dome, Ghana.
    assertFalse(countries("Rzecznik Białego Domu zapowiedział rozmowy.", "pl").contains("GH"), "Białego Domu");
  }

  @Test
  void scandinavianGenitiveSMatchesTheName() {
    assertEquals(Set.of("LT", "SE"), countries("Litauens president besökte Sveriges statsminister i går.", "sv"),
        "Litauens, Sveriges");
    assertEquals(Set.of("DK"), countries("Danmarks regering meddelade beslutet.", "da"), "Danmarks");
    assertFalse(countries("Litauens president besökte Stockholm.", "en").contains("LT"),
        "only in Scandinavian text");
  }

  @Test
  void germanNounsBeforeACountryAreNotFirstNames() {
    assertEquals(Set.of("PL"), countries("Die Delegation reiste weiter ins Nachbarland Polen.", "de"),
        "Nachbarland Polen");
    assertTrue(countries("Die Gespräche mit der Volksrepublik China wurden fortgesetzt.", "de").contains("CN"),
        "Volksrepublik China");
    assertFalse(ids("The coach said Michael Jordan was the best player ever.", "en").contains("country:JO"),
        "still a surname in English");
  }

  @Test
  void elidedArticlesAreSplitOff() {
    assertEquals(Set.of("UA", "IT"), countries("Il sostegno dell'Italia all'Ucraina continua.", "it"));
    assertEquals(Set.of("UA"), countries("Gli aiuti per l'Ucraina sono arrivati.", "it"));
  }

  @Test
  void demonymsMatchInLowerCase() {
    assertEquals(Set.of("KP", "RU"), countries("I soldati nordcoreani combattono accanto alle truppe russe.", "it"));
    assertEquals(Set.of("KP"), countries("Officials said North Korean troops had arrived.", "en"));
  }

  @Test
  void turkeyTheCountryIsCapitalisedTheBirdIsNot() {
    assertTrue(ids("Talks were held in Turkey on Monday.", "en").contains("country:TR"), "Turkey");
    assertFalse(ids("The family roasted a turkey for dinner.", "en").contains("country:TR"), "turkey");
  }

  @Test
  void usIsAnAbbreviationOnlyInCapitals() {
    assertTrue(ids("The US imposed new sanctions.", "en").contains("country:US"), "US");
    assertFalse(ids("They told us about the sanctions.", "en").contains("country:US"), "us");
  }

  @Test
  void chadTheCountryIsCapitalised() {
    assertTrue(ids("Troops left Chad last year.", "en").contains("country:TD"), "Chad");
    assertFalse(ids("A hanging chad delayed the count.", "en").contains("country:TD"), "chad");
  }

  @Test
  void jordanAfterAFirstNameIsAPersonNotTheCountry() {
    assertFalse(ids("The coach said Michael Jordan was the best player ever.", "en").contains("country:JO"),
        "Michael Jordan");
    assertTrue(ids("The talks in Jordan ended without a deal.", "en").contains("country:JO"), "in Jordan");
  }

  @Test
  void aCityNameBeforeASurnameIsAFirstName() {
    Set<String> de = ids("Kremlchef Wladimir Putin empfing die Delegation.", "de");
    assertFalse(de.contains("city:RU:vladimir"), "Wladimir is Putin's first name: " + de);
    Set<String> ru = ids("Президент Владимир Путин подписал договор.", "ru");
    assertFalse(ru.contains("city:RU:vladimir"), "Владимир is Putin's first name: " + ru);
    assertTrue(ids("The delegation travelled on to Vladimir by train.", "en").contains("city:RU:vladimir"),
        "the city itself");
  }

  @Test
  void georgiaAfterAnAmericanCityIsTheState() {
    assertTrue(ids("The company is based in Atlanta, Georgia, and employs 400 people.", "en")
        .contains("region:US:georgia"), "Atlanta, Georgia");
    assertTrue(ids("Georgia applied to join the European Union.", "en").contains("country:GE"), "Georgia alone");
  }

  @Test
  void mayTheMonthIsNotAnEntity() {
    List<Mention> mentions = extract("Talks resumed in May and again on 3 May in Geneva.", "en");
    assertFalse(mentions.stream().anyMatch(m -> m.surface().equals("May")), "May is a month: " + mentions);
  }

  @Test
  void datelineGivesThePlaceOfTheStory() {
    List<Mention> mentions = extract("HOUSTON, March 3 - The oil company said on Tuesday it would cut costs.", "en");
    Mention first = mentions.get(0);
    assertEquals("dateline", first.method(), "first mention is the dateline: " + mentions);
    assertEquals("US", first.country(), "Houston rolls up to the United States");
    List<Mention> kcna = extract("Pyongyang, December 24 (KCNA) -- A meeting was held.", "en");
    assertEquals("city:KP:pyongyang", kcna.get(0).entityId(), "KCNA dateline");
  }

  @Test
  void datelineWithAStateQualifierPicksThePlaceOfThatState() {
    List<Mention> sanJose = extract("SAN JOSE, Calif., Feb 26 - Apple Computer Inc said it would cut prices.", "en");
    assertEquals("city:US:san-jose", sanJose.get(0).entityId(), "San Jose, California, not San José, Costa Rica: "
        + sanJose);
    assertEquals("dateline", sanJose.get(0).method(), "the place is the dateline: " + sanJose);
    assertTrue(sanJose.stream().anyMatch(m -> m.entityId().equals("region:US:california")
        && m.method().equals("dateline")), "Calif. is part of the dateline: " + sanJose);
    assertEquals(List.of("US"), EntityLinker.focusCountries(sanJose), "the story is from the United States");
    // A place of the same name abroad, none in the state's country in the gazetteer: the state speaks.
    List<Mention> greenwich = extract("GREENWICH, Conn., March 2 - The company said it sold its unit.", "en");
    assertEquals(List.of("US"), EntityLinker.focusCountries(greenwich), "Greenwich, Connecticut: " + greenwich);
    assertFalse(greenwich.stream().anyMatch(m -> "GB".equals(m.country())), "not Greenwich, London: " + greenwich);
    List<Mention> albany = extract("ALBANY, N.Y., March 3 - The state said revenues rose.", "en");
    assertTrue(albany.stream().anyMatch(m -> m.entityId().equals("region:US:new-york")
        && m.method().equals("dateline")), "N.Y. in the dateline: " + albany);
    assertEquals(List.of("US"), EntityLinker.focusCountries(albany), "Albany, New York: " + albany);
  }

  @Test
  void unknownProperNamesBecomeCandidates() {
    List<Mention> mentions = extract("Il nuovo ministro Giancarlo Ferrobaldi ha incontrato i sindacati.", "it");
    assertTrue(mentions.stream().anyMatch(m -> m.entityId().equals("cand:giancarlo-ferrobaldi")
        && m.method().equals("candidate")), "candidate: " + mentions);
    assertFalse(extract("Yesterday the minister resigned.", "en").stream()
        .anyMatch(m -> m.type() == EntityType.CANDIDATE), "a lone sentence-initial word is no candidate");
  }

  private static Set<String> candidates(String text, String language, Set<String> commonWords) {
    return matcher.extract(text, "text", language, new EntityMatcher.FormCache(), commonWords).stream()
        .filter(m -> m.type() == EntityType.CANDIDATE).map(Mention::surface).collect(Collectors.toSet());
  }

  @Test
  void germanNounsAloneAreNoCandidatesButNamesOfSeveralWordsAre() {
    Set<String> found = candidates("Die Preise stiegen um zehn Prozent, sagte Jannik Obermaier am Montag.", "de", Set.of());
    assertEquals(Set.of("Jannik Obermaier"), found, "German capitalises every noun: one word is no name");
    assertTrue(candidates("Die Preise stiegen um zehn Prozent, sagte Obermaier.", "en", Set.of()).contains("Obermaier"),
        "a lone capitalised word is still a candidate where nouns are lower case");
    assertEquals(Set.of("Obermaier"), candidates("Am Montag sagte Präsident Obermaier nichts.", "de", Set.of()),
        "after an office a German word is a name");
    assertEquals(Set.of("Jannik Obermaier"), candidates("Gestern sagte Energieministerin Jannik Obermaier nichts.", "de",
        Set.of()), "a compound office (-ministerin) is not part of the name");
  }

  @Test
  void officesBeforeANameAreNotPartOfIt() {
    assertEquals(Set.of("Obermaier"), candidates("On Monday, President Obermaier met the envoy.", "en", Set.of()),
        "the name without the office");
    assertEquals(Set.of("Jannik Obermaier"), candidates("Later, Foreign Minister Jannik Obermaier spoke.", "en", Set.of()),
        "an office of several words");
    assertEquals(Set.of(), candidates("On Monday the President met the Government.", "en", Set.of()),
        "offices and institutions alone are no names");
    assertEquals(Set.of(), candidates("Il decreto passa al Consiglio e poi al Governo.", "it", Set.of()),
        "Italian institutions alone are no names");
    assertEquals(Set.of("Ferrobaldi"), candidates("Lo ha detto il ministro della Difesa, Ferrobaldi.", "it", Set.of()),
        "the name after an institution");
    assertTrue(candidates("The Consiglio Obermaier met.", "en", Set.of()).contains("Consiglio Obermaier"),
        "institution words of one language are not those of another");
  }

  @Test
  void wordsTheCorpusWritesInLowerCaseAreNoCandidatesAlone() {
    String text = "Il governo ha parlato al Ponte e ai Obermaier.";
    assertTrue(candidates(text, "it", Set.of()).contains("Ponte"), "without evidence the word is a candidate");
    assertEquals(Set.of("Obermaier"), candidates(text, "it", Set.of(MatchForms.of("ponte"))),
        "a common word of the language alone is no name");
    assertTrue(candidates("Il Ponte Obermaier ha parlato.", "it", Set.of(MatchForms.of("ponte")))
        .contains("Ponte Obermaier"), "names of several words keep their common words");
  }

  @Test
  void continentsAreRegionsOfNoCountry() {
    assertTrue(ids("Sanctions were discussed across Europe and Asia.", "en")
        .containsAll(Set.of("region:europe", "region:asia")), "continents in English");
    assertTrue(ids("Россия усиливает присутствие в Азии и Африке.", "ru")
        .containsAll(Set.of("region:asia", "region:africa")), "inflected continents in Russian, not the town Asia");
    assertTrue(ids("Die Lage im Nahen Osten und in Europa bleibt angespannt.", "de")
        .containsAll(Set.of("region:middle-east", "region:europe")), "German");
    assertEquals(Set.of(), countries("Il vertice in Europa e in Asia.", "it"), "a continent counts for no country");
  }

  @Test
  void longestMatchWins() {
    Set<String> found = ids("Il Consiglio della Federazione ha approvato il trattato.", "it");
    assertTrue(found.contains("org:federation-council"), "the institution, not just 'Federazione': " + found);
  }

  @Test
  void focusCountriesWeighDatelineTitleAndFrequency() {
    List<Mention> mentions = new java.util.ArrayList<>(matcher.extract("Russia and North Korea sign pact", "title", "en",
        new EntityMatcher.FormCache()));
    mentions.addAll(extract("MOSCOW, June 19 (Wire) - Russia and North Korea signed a treaty. Russia said it "
        + "would help. North Korea agreed. Analysts in Japan and Germany were cautious.", "en"));
    List<String> focus = EntityLinker.focusCountries(mentions);
    assertEquals(Set.of("RU", "KP"), Set.copyOf(focus), "Japan and Germany are mentioned once, late");
    assertEquals(Set.of("RU", "KP", "JP", "DE"), Set.copyOf(EntityLinker.countries(mentions, true)), "all countries");
  }
}
