package io.trendwire.entities;

import java.io.Serializable;

/**
 * A canonical entity: an id ("country:KP", "city:RU:moscow", "person:vladimir-putin"), an English
 * display name, a type, the ISO 3166-1 alpha-2 code of its country where it has one, and a
 * Wikidata id only where verified.
 */
public record GazetteerEntity(String id, String name, EntityType type, String country, String wikidataId)
    implements Serializable {}
