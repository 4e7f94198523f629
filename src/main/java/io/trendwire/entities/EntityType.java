package io.trendwire.entities;

/** What kind of thing an entity is; places roll up to their country. */
public enum EntityType {
  COUNTRY, CITY, REGION, PERSON, ORG, OTHER, CANDIDATE;

  public boolean isPlace() {
    return this == CITY || this == REGION;
  }
}
