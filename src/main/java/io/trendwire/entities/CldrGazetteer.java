package io.trendwire.entities;

import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.text.TimeZoneNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Countries and major cities with their names in every CLDR language, read from the CLDR data
 * that ICU4J carries (not typed by hand): territory display names give "Corea del Nord",
 * "Северная Корея", "북한"; time-zone exemplar cities give "Mosca", "Москва", "Pjöngjang", "평양"
 * with the zone's country.
 */
public final class CldrGazetteer {
  private CldrGazetteer() {}

  /** Territory codes that are not countries in news: continents, groupings, private use. */
  private static final Set<String> NOT_COUNTRIES = Set.of("AQ", "EU", "EZ", "UN", "QO", "XA", "XB", "ZZ");

  public static Gazetteer build() {
    List<ULocale> languages = languages();
    Map<String, GazetteerEntity> entities = new LinkedHashMap<>();
    List<Alias> aliases = new ArrayList<>();
    for (String code : ULocale.getISOCountries()) {
      if (NOT_COUNTRIES.contains(code)) {
        continue;
      }
      ULocale territory = new ULocale("", code);
      String english = territory.getDisplayCountry(ULocale.ENGLISH);
      if (english == null || english.isEmpty() || english.equals(code)) {
        continue;
      }
      String id = "country:" + code;
      entities.put(id, new GazetteerEntity(id, english, EntityType.COUNTRY, code, null));
      for (ULocale language : languages) {
        String name = territory.getDisplayCountry(language);
        if (name != null && !name.isEmpty() && !name.equals(code)) {
          aliases.add(new Alias(id, language.getLanguage(), name, AliasKind.NAME));
        }
      }
    }
    for (String zone : TimeZone.getAvailableIDs(TimeZone.SystemTimeZoneType.CANONICAL_LOCATION, null, null)) {
      String country = TimeZone.getRegion(zone);
      if (country == null || country.equals("001") || !entities.containsKey("country:" + country)) {
        continue;
      }
      String english = TimeZoneNames.getInstance(ULocale.ENGLISH).getExemplarLocationName(zone);
      if (english == null || english.isEmpty()) {
        continue;
      }
      String id = "city:" + country + ":" + Slugs.slug(english);
      entities.putIfAbsent(id, new GazetteerEntity(id, english, EntityType.CITY, country, null));
      Set<String> seen = new LinkedHashSet<>();
      for (ULocale language : languages) {
        String name = TimeZoneNames.getInstance(language).getExemplarLocationName(zone);
        if (name != null && !name.isEmpty() && seen.add(language.getLanguage() + "\u0000" + name)) {
          aliases.add(new Alias(id, language.getLanguage(), name, AliasKind.NAME));
        }
      }
    }
    return new Gazetteer(new ArrayList<>(entities.values()), aliases);
  }

  /** One locale per CLDR language (regional variants add little for place names). */
  static List<ULocale> languages() {
    Map<String, ULocale> byLanguage = new LinkedHashMap<>();
    for (ULocale l : ULocale.getAvailableLocales()) {
      String language = l.getLanguage();
      if (!language.isEmpty() && !byLanguage.containsKey(language)) {
        byLanguage.put(language, new ULocale(language));
      }
    }
    byLanguage.remove("root");
    return new ArrayList<>(byLanguage.values());
  }
}
