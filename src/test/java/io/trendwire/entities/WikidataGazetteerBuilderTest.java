package io.trendwire.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trendwire.SparkTestSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Wikidata gazetteer builder on a small sample in the dump's format (plain, .gz and .bz2). */
class WikidataGazetteerBuilderTest {
  private static final Path SAMPLE = Paths.get("src/test/resources/wikidata/sample-dump.json");
  private static final Set<String> LANGUAGES = Set.of("en", "it", "ru");

  @TempDir
  static Path dir;
  private static SparkSession spark;
  private static WikidataGazetteerBuilder.Result plainResult;
  private static Path plainOut;
  private static Gazetteer built;

  @BeforeAll
  static void buildFromThePlainSample() throws IOException {
    spark = SparkTestSession.get();
    plainOut = dir.resolve("plain.jsonl");
    plainResult = build(SAMPLE, plainOut);
    try (InputStream in = Files.newInputStream(plainOut)) {
      built = GazetteerIO.readJsonLines(in, plainOut.toString());
    }
  }

  private static WikidataGazetteerBuilder.Result build(Path dump, Path out) throws IOException {
    return WikidataGazetteerBuilder.build(spark, dump.toString(), out.toString(),
        WikidataGazetteerBuilder.Settings.defaults().withLanguages(LANGUAGES), false);
  }

  private static Map<String, GazetteerEntity> byId() {
    return built.entities().stream().collect(Collectors.toMap(GazetteerEntity::id, Function.identity()));
  }

  private static Set<String> aliases(String id, String language) {
    return built.aliases().stream().filter(a -> a.entityId().equals(id) && a.language().equals(language))
        .map(Alias::text).collect(Collectors.toSet());
  }

  @Test
  void keepsCountriesCitiesPeopleAndOrganisationsWithTheirTypes() {
    Map<String, GazetteerEntity> e = byId();
    assertEquals(Set.of("wd:Q159", "wd:Q423", "wd:Q884", "wd:Q212", "wd:Q30", "wd:Q649", "wd:Q18808", "wd:Q7747",
        "wd:Q7184", "wd:Q999999904", "wd:Q999999908"), e.keySet());
    assertEquals(new GazetteerEntity("wd:Q159", "Russia", EntityType.COUNTRY, "RU", "Q159"), e.get("wd:Q159"));
    assertEquals(new GazetteerEntity("wd:Q423", "North Korea", EntityType.COUNTRY, "KP", "Q423"), e.get("wd:Q423"));
    assertEquals(EntityType.CITY, e.get("wd:Q649").type());
    assertEquals("Moscow", e.get("wd:Q649").name());
    assertEquals(EntityType.PERSON, e.get("wd:Q7747").type());
    assertEquals(EntityType.ORG, e.get("wd:Q7184").type());
    assertEquals(11, plainResult.entities());
  }

  @Test
  void countriesComeFromP297AndPlacesGetTheirCountryThroughP17() {
    Map<String, GazetteerEntity> e = byId();
    assertEquals("KR", e.get("wd:Q884").country());
    assertEquals("UA", e.get("wd:Q212").country());
    assertEquals("US", e.get("wd:Q30").country());
    assertEquals("RU", e.get("wd:Q649").country(), "Moscow: P17 Q159, whose P297 is RU");
    assertEquals("KP", e.get("wd:Q18808").country(), "Pyongyang: P17 Q423");
    assertNull(e.get("wd:Q999999904").country(), "P17 names an item that is not in the dump");
    assertNull(e.get("wd:Q7747").country(), "a person has no P17");
  }

  @Test
  void onlyTheRequestedLanguagesAreKept() {
    assertEquals(Set.of("Russia", "Russian Federation", "RF"), aliases("wd:Q159", "en"), "en-gb folds into en");
    assertEquals(Set.of("Russia", "Federazione Russa"), aliases("wd:Q159", "it"));
    assertEquals(Set.of("Россия", "Российская Федерация", "РФ"), aliases("wd:Q159", "ru"));
    Set<String> languages = built.aliases().stream().map(Alias::language).collect(Collectors.toSet());
    assertEquals(Set.of("en", "it", "ru", Alias.ANY_LANGUAGE), languages, "no de, fr, ja, en-gb");
    assertTrue(built.aliases().stream().noneMatch(a -> a.text().equals("OTAN") || a.text().equals("Russland")));
    // A "mul" label is an alias in every language and the display name when there is no English one.
    assertEquals(Set.of("Testa Personova"), aliases("wd:Q999999908", Alias.ANY_LANGUAGE));
    assertEquals("Testa Personova", byId().get("wd:Q999999908").name());
  }

  @Test
  void allCapsAliasesOfOrganisationsAreAbbreviations() {
    Map<String, AliasKind> nato = built.aliases().stream().filter(a -> a.entityId().equals("wd:Q7184"))
        .collect(Collectors.toMap(a -> a.language() + ":" + a.text(), Alias::kind));
    assertEquals(AliasKind.ABBREVIATION, nato.get("en:NATO"));
    assertEquals(AliasKind.ABBREVIATION, nato.get("it:NATO"));
    assertEquals(AliasKind.ABBREVIATION, nato.get("ru:НАТО"));
    assertEquals(AliasKind.NAME, nato.get("en:North Atlantic Treaty Organization"));
    // Not an organisation: "USA" and "DPRK" stay names.
    assertTrue(built.aliases().stream().filter(a -> !a.entityId().equals("wd:Q7184"))
        .allMatch(a -> a.kind() == AliasKind.NAME));
  }

  @Test
  void nonMatchingDeprecatedAndNamelessItemsAreDropped() {
    Set<String> ids = byId().keySet();
    assertFalse(ids.contains("wd:Q999999901"), "a painting");
    assertFalse(ids.contains("wd:Q999999903"), "P31 human only with deprecated rank");
    assertFalse(ids.contains("wd:Q999999906"), "a human with a Japanese label only");
    assertFalse(ids.contains("wd:P31"), "a property");
  }

  @Test
  void theMalformedLineIsSkippedAndCounted() {
    assertEquals(1, plainResult.malformed());
    assertEquals(18, plainResult.lines(), "with '[' and ']'");
    assertEquals(15, plainResult.items(), "14 items and one property, the malformed line excluded");
    assertFalse(byId().containsKey("wd:Q999999907"));
  }

  @Test
  void gzipAndBzip2DumpsGiveTheSameGazetteer() throws IOException {
    Path gz = dir.resolve("dump.json.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      Files.copy(SAMPLE, out);
    }
    Path bz2 = dir.resolve("dump.json.bz2");
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(bz2))) {
      Files.copy(SAMPLE, out);
    }
    String expected = Files.readString(plainOut);
    for (Path dump : List.of(gz, bz2)) {
      Path out = dir.resolve(dump.getFileName() + ".out.jsonl");
      WikidataGazetteerBuilder.Result r = build(dump, out);
      assertEquals(11, r.entities(), dump.toString());
      assertEquals(1, r.malformed(), dump.toString());
      assertEquals(expected, Files.readString(out), dump.toString());
    }
  }

  @Test
  void aGzipOutputIsReadableByGazetteerIO() throws IOException {
    Path out = dir.resolve("wikidata.jsonl.gz");
    build(SAMPLE, out);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(out))) {
      assertEquals(11, GazetteerIO.readJsonLines(in, out.toString()).entities().size());
    }
  }

  @Test
  void theFileMergesIntoTheBuiltInGazetteer() {
    Gazetteer builtIn = GazetteerIO.load(List.of(), new Configuration());
    String text = "Vladimir Vladimirovich Putin met the press.";
    Set<String> before = EntityMatcher.compile(builtIn).extract(text, "text", "en", new EntityMatcher.FormCache())
        .stream().map(Mention::entityId).collect(Collectors.toSet());
    assertFalse(before.contains("wd:Q7747"));
    Gazetteer merged = builtIn.merge(built);
    assertEquals(builtIn.entities().size() + 11, merged.entities().size(), "wd: ids are new entities");
    List<Mention> after = EntityMatcher.compile(merged).extract(text, "text", "en", new EntityMatcher.FormCache());
    assertTrue(after.stream().anyMatch(m -> m.entityId().equals("wd:Q7747")
        && m.surface().equals("Vladimir Vladimirovich Putin") && m.type() == EntityType.PERSON), after.toString());
  }

  @Test
  void theCommandLineExitCodes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    Path target = dir.resolve("cli.jsonl");

    assertEquals(0, GazetteerBuildJob.execute(new String[] {"--help"}, o, e, spark));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("gazetteer build --dump FILE"));

    assertEquals(2, GazetteerBuildJob.execute(new String[] {"--dump", SAMPLE.toString()}, o, e, spark));
    assertEquals(2, GazetteerBuildJob.execute(new String[] {"--dump", SAMPLE.toString(), "--output",
        target.toString(), "--types", "COUNTRY,PLANET"}, o, e, spark));
    assertEquals(2, GazetteerBuildJob.execute(new String[] {"--dump", SAMPLE.toString(), "--output",
        target.toString(), "--bogus"}, o, e, spark));

    err.reset();
    assertEquals(3, GazetteerBuildJob.execute(new String[] {"--dump", dir.resolve("missing.json.bz2").toString(),
        "--output", target.toString()}, o, e, spark));
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("trendwire gazetteer build: error: dump not found"));
    assertEquals(1, err.toString(StandardCharsets.UTF_8).lines().count(), "one line");

    Files.writeString(target, "existing\n");
    err.reset();
    assertEquals(4, GazetteerBuildJob.execute(new String[] {"--dump", SAMPLE.toString(), "--output",
        target.toString()}, o, e, spark));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("output exists"));
    assertEquals("existing\n", Files.readString(target), "untouched");

    out.reset();
    assertEquals(0, GazetteerBuildJob.execute(new String[] {"--dump", SAMPLE.toString(), "--output",
        target.toString(), "--overwrite", "--types", "COUNTRY,CITY", "--languages", "en"}, o, e, spark));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("8 entities kept"), out.toString(StandardCharsets.UTF_8));
    Gazetteer g;
    try (InputStream in = Files.newInputStream(target)) {
      g = GazetteerIO.readJsonLines(in, target.toString());
    }
    assertTrue(g.entities().stream().allMatch(x -> x.type() == EntityType.COUNTRY || x.type() == EntityType.CITY));
    assertEquals("RU", g.entity("wd:Q649").country());
    assertTrue(g.aliases().stream().allMatch(a -> a.language().equals("en")));
    assertTrue(spark.sparkContext().isStopped() == false, "a given session is left running");
  }
}
