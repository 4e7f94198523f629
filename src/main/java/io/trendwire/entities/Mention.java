package io.trendwire.entities;

import java.io.Serializable;

/**
 * An entity found in an article: which entity (or candidate), where (field "title" or "text",
 * sentence number, character span in that field), as written, and how it was found ("alias",
 * "dateline" or "candidate"). {@code country} is the country the mention counts for after
 * places roll up to their country (null for people, organisations and candidates).
 */
public record Mention(String entityId, String name, EntityType type, String country, String surface,
    String field, int sentence, int start, int end, String method, AliasKind kind) implements Serializable {}
