package io.trendwire.entities;

import java.text.Normalizer;
import java.util.Locale;

/** Lower-case ASCII slugs for entity ids ("Mar-a-Lago" → "mar-a-lago", "Kraków" → "krakow"). */
public final class Slugs {
  private Slugs() {}

  public static String slug(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\p{L}]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "x" : slug;
  }
}
