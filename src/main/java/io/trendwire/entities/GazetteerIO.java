package io.trendwire.entities;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Reads gazetteer sources: the built-in ones (CLDR through ICU4J, the curated JSON Lines file, the
 * GeoNames places file) and users' files in the curated format (JSON Lines, .gz allowed) or as CSV
 * with the columns id,name,type,country,wikidata,language,alias,kind (one alias per row).
 */
public final class GazetteerIO {
  static final String CURATED = "/gazetteer/curated.jsonl";
  static final String PLACES = "/gazetteer/places.tsv.gz";
  private static final ObjectMapper JSON = new ObjectMapper();

  private GazetteerIO() {}

  /** CLDR, then GeoNames places, then the curated file, then the user's files in order. */
  public static Gazetteer load(List<String> userFiles, Configuration conf) {
    Gazetteer g = CldrGazetteer.build();
    try (InputStream places = GazetteerIO.class.getResourceAsStream(PLACES)) {
      if (places != null) {
        g = g.merge(readPlaces(new GZIPInputStream(places)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in places " + PLACES, e);
    }
    try (InputStream curated = GazetteerIO.class.getResourceAsStream(CURATED)) {
      if (curated != null) {
        g = g.merge(readJsonLines(curated, CURATED));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in gazetteer " + CURATED, e);
    }
    for (String file : userFiles) {
      Path path = new Path(file);
      try (InputStream raw = path.getFileSystem(conf).open(path)) {
        InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        String name = file.replaceFirst("\\.gz$", "");
        g = g.merge(name.endsWith(".csv") ? readCsv(in, file) : readJsonLines(in, file));
      } catch (IOException e) {
        throw new GazetteerException("cannot read gazetteer " + file + ": " + e.getMessage());
      }
    }
    return g;
  }

  static final String TITLES = "/gazetteer/titles.jsonl";

  /**
   * The built-in office and institution words per language ({@code titles.jsonl}): for each
   * language, {"titles": [...], "institutions": [...], "title_endings": [...]} as match forms
   * ({@link MatchForms#of}). The result holds the titles, the institutions and the endings of
   * compound titles (German "Energieministerin"), each keyed by language.
   */
  static List<Map<String, Set<String>>> titleWords() {
    Map<String, Set<String>> titles = new HashMap<>();
    Map<String, Set<String>> institutions = new HashMap<>();
    Map<String, Set<String>> endings = new HashMap<>();
    try (InputStream in = GazetteerIO.class.getResourceAsStream(TITLES)) {
      if (in == null) {
        throw new GazetteerException("missing built-in resource " + TITLES);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        String language = n.path("language").asText();
        for (JsonNode w : n.path("titles")) {
          titles.computeIfAbsent(language, k -> new HashSet<>()).add(MatchForms.of(w.asText()));
        }
        for (JsonNode w : n.path("title_endings")) {
          endings.computeIfAbsent(language, k -> new HashSet<>()).add(MatchForms.of(w.asText()));
        }
        for (JsonNode w : n.path("institutions")) {
          institutions.computeIfAbsent(language, k -> new HashSet<>()).add(MatchForms.of(w.asText()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the built-in " + TITLES, e);
    }
    return List.of(titles, institutions, endings);
  }

  /** The curated format: one entity per line with aliases per language. */
  public static Gazetteer readJsonLines(InputStream in, String origin) throws IOException {
    List<GazetteerEntity> entities = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    int lineNo = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode n = JSON.readTree(line);
        String id = n.path("id").asText(null);
        if (id == null || id.isBlank()) {
          throw new GazetteerException("no id");
        }
        entities.add(new GazetteerEntity(id, text(n, "name"), type(text(n, "type")), text(n, "country"),
            text(n, "wikidata")));
        Iterator<Map.Entry<String, JsonNode>> langs = n.path("aliases").fields();
        while (langs.hasNext()) {
          Map.Entry<String, JsonNode> e = langs.next();
          for (JsonNode a : e.getValue()) {
            aliases.add(new Alias(id, e.getKey(), a.path("text").asText(), AliasKind.parse(a.path("kind").asText("name"))));
          }
        }
      } catch (IOException | RuntimeException e) {
        throw new GazetteerException(origin + " line " + lineNo + ": " + e.getMessage());
      }
    }
    return new Gazetteer(entities, aliases);
  }

  /** One alias per row: id,name,type,country,wikidata,language,alias,kind (header required). */
  static Gazetteer readCsv(InputStream in, String origin) throws IOException {
    List<GazetteerEntity> entities = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null || !header.strip().startsWith("id,name,type,country,wikidata,language,alias,kind")) {
      throw new GazetteerException(origin + ": header must be id,name,type,country,wikidata,language,alias,kind");
    }
    int lineNo = 1;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",", -1);
      if (f.length < 8) {
        throw new GazetteerException(origin + " line " + lineNo + ": expected 8 columns");
      }
      entities.add(new GazetteerEntity(f[0], blank(f[1]), type(blank(f[2])), blank(f[3]), blank(f[4])));
      if (!f[6].isBlank()) {
        aliases.add(new Alias(f[0], f[5].isBlank() ? Alias.ANY_LANGUAGE : f[5], f[6],
            f[7].isBlank() ? AliasKind.NAME : AliasKind.parse(f[7])));
      }
    }
    return new Gazetteer(entities, aliases);
  }

  /**
   * GeoNames places: id, type, country, name, aliases ('|'), population. Read most populous first,
   * so that a name shared by several places ("Boston", "San Jose") means the largest one. Of the
   * alternate names only those in non-Latin scripts or of several words are kept: GeoNames'
   * one-word Latin alternates carry no language and include common words ("But" for Buta,
   * "Mora", "Sin"), while the names news uses in each language come from CLDR and the curated file.
   */
  static Gazetteer readPlaces(InputStream in) throws IOException {
    List<String[]> rows = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length >= 5 && !f[0].equals("id")) {
        rows.add(f);
      }
    }
    rows.sort(java.util.Comparator.comparingLong((String[] f) -> -population(f)));
    List<GazetteerEntity> entities = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    for (String[] f : rows) {
      entities.add(new GazetteerEntity(f[0], f[3], type(f[1]), blank(f[2]), null));
      aliases.add(new Alias(f[0], Alias.ANY_LANGUAGE, f[3], AliasKind.NAME));
      for (String alt : f[4].split("\\|")) {
        if (!alt.isBlank() && (alt.strip().contains(" ") || !isLatin(alt))) {
          aliases.add(new Alias(f[0], Alias.ANY_LANGUAGE, alt, AliasKind.NAME));
        }
      }
    }
    return new Gazetteer(entities, aliases);
  }

  private static long population(String[] f) {
    try {
      return f.length > 5 ? Long.parseLong(f[5].strip()) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static boolean isLatin(String s) {
    int cp = s.strip().codePointAt(0);
    return Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : blank(v.asText());
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static EntityType type(String s) {
    return s == null ? null : EntityType.valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
