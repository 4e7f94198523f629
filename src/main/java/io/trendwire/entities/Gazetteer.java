package io.trendwire.entities;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Entities and their aliases from several sources. Sources merge by entity id: a later source
 * adds aliases to an entity an earlier one defined (curated demonyms to CLDR's countries) and may
 * replace its display name, type, country or Wikidata id.
 */
public final class Gazetteer implements Serializable {
  private final Map<String, GazetteerEntity> entities;
  private final List<Alias> aliases;

  public Gazetteer(List<GazetteerEntity> entities, List<Alias> aliases) {
    this.entities = new LinkedHashMap<>();
    entities.forEach(e -> this.entities.put(e.id(), e));
    this.aliases = new ArrayList<>(aliases);
  }

  /** This gazetteer with {@code other} merged on top. */
  public Gazetteer merge(Gazetteer other) {
    Map<String, GazetteerEntity> merged = new LinkedHashMap<>(entities);
    for (GazetteerEntity e : other.entities.values()) {
      GazetteerEntity old = merged.get(e.id());
      merged.put(e.id(), old == null ? e : new GazetteerEntity(e.id(),
          e.name() != null ? e.name() : old.name(),
          e.type() != null ? e.type() : old.type(),
          e.country() != null ? e.country() : old.country(),
          e.wikidataId() != null ? e.wikidataId() : old.wikidataId()));
    }
    Set<Alias> all = new LinkedHashSet<>(aliases);
    all.addAll(other.aliases);
    return new Gazetteer(new ArrayList<>(merged.values()), new ArrayList<>(all));
  }

  public GazetteerEntity entity(String id) {
    return entities.get(id);
  }

  public List<GazetteerEntity> entities() {
    return Collections.unmodifiableList(new ArrayList<>(entities.values()));
  }

  public List<Alias> aliases() {
    return Collections.unmodifiableList(aliases);
  }
}
