package io.trendwire.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.io.Serializable;
import java.util.List;

/**
 * Names the input fields that hold each article attribute. Nested JSON fields are addressed with
 * dots ({@code "meta.date"}). {@code text} may list several fields, joined with a blank line.
 * Only {@code published} and {@code text} are required to be present in a record.
 */
public record FieldMapping(
    String id,
    String published,
    String title,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> text,
    String source,
    String url,
    String language) implements Serializable {

  public static final FieldMapping DEFAULT = new FieldMapping(null, null, null, null, null, null, null);

  public FieldMapping {
    id = id == null ? "id" : id;
    published = published == null ? "published" : published;
    title = title == null ? "title" : title;
    text = text == null || text.isEmpty() ? List.of("text") : List.copyOf(text);
    source = source == null ? "source" : source;
    url = url == null ? "url" : url;
    language = language == null ? "language" : language;
  }
}
