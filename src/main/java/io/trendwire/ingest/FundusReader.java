package io.trendwire.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * fundus parser test pages: {@code <country>/<Publisher>.json} maps version keys (V1, V1_1, V2, ...)
 * to extracted articles; each version belongs to one {@code <Publisher>_<yyyy_MM_dd>.html.gz} page,
 * pairing the sorted keys with the sorted names of the pages present; {@code meta.info} gives
 * each page's URL.
 * Fields: title, text (summary, section headlines and paragraphs), publishing_date, authors,
 * topics, publisher, country (the folder), page, url, crawl_date, version.
 */
final class FundusReader implements RecordReader {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Iterator<RawRecord> read(InputFile file) throws IOException {
    String path = file.path();
    JsonNode root;
    try (InputStream in = file.open()) {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      return Collections.singletonList(RawRecord.rejected(path, 1, null, RejectReason.MALFORMED_JSON,
          e.getOriginalMessage())).iterator();
    }
    if (root == null || !root.isObject()) {
      return Collections.singletonList(RawRecord.rejected(path, 1, root == null ? null : root.toString(),
          RejectReason.NOT_AN_OBJECT, "a fundus file holds an object of versions")).iterator();
    }
    String publisher = file.name().replaceFirst("\\.json$", "");
    String country = folderName(path);
    JsonNode meta = readMeta(file);
    List<String> pages = new ArrayList<>();
    for (String page : pagesOf(publisher, meta)) {
      // meta.info also lists pages that were replaced by newer crawls; only the files present count.
      if (file.hasSibling(page)) {
        pages.add(page);
      }
    }
    List<String> versions = new ArrayList<>();
    root.fieldNames().forEachRemaining(versions::add);
    Collections.sort(versions);
    List<RawRecord> records = new ArrayList<>(versions.size());
    for (int i = 0; i < versions.size(); i++) {
      String version = versions.get(i);
      JsonNode article = root.get(version);
      long number = i + 1;
      if (!article.isObject()) {
        records.add(RawRecord.rejected(path, number, article.toString(), RejectReason.NOT_AN_OBJECT,
            "version " + version + " is not an object"));
        continue;
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("version", version);
      fields.put("publisher", publisher);
      fields.put("country", country);
      put(fields, "title", article.get("title"));
      put(fields, "publishing_date", article.get("publishing_date"));
      put(fields, "authors", article.get("authors"));
      put(fields, "topics", article.get("topics"));
      fields.put("text", bodyText(article.get("body")));
      if (pages.size() == versions.size()) {
        String page = pages.get(i);
        fields.put("page", country + "/" + page.replaceFirst("\\.html\\.gz$", ""));
        JsonNode pageMeta = meta.get(page);
        put(fields, "url", pageMeta == null ? null : pageMeta.get("url"));
        put(fields, "crawl_date", pageMeta == null ? null : pageMeta.get("crawl_date"));
      } else {
        fields.put("page", country + "/" + publisher + "#" + version);
      }
      records.add(RawRecord.accepted(path, number, article.toString(), fields));
    }
    return records.iterator();
  }

  private static JsonNode readMeta(InputFile file) throws IOException {
    Optional<byte[]> bytes = file.readSibling("meta.info");
    if (bytes.isEmpty()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(new String(bytes.get(), StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      return JSON.createObjectNode();
    }
  }

  private static List<String> pagesOf(String publisher, JsonNode meta) {
    Pattern page = Pattern.compile(Pattern.quote(publisher) + "_\\d{4}_\\d{2}_\\d{2}\\.html\\.gz");
    List<String> pages = new ArrayList<>();
    meta.fieldNames().forEachRemaining(name -> {
      if (page.matcher(name).matches()) {
        pages.add(name);
      }
    });
    Collections.sort(pages);
    return pages;
  }

  /** Summary, then each section's headline and paragraphs, separated by blank lines. */
  static String bodyText(JsonNode body) {
    if (body == null || body.isNull()) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    addAll(parts, body.get("summary"));
    JsonNode sections = body.get("sections");
    if (sections != null) {
      for (JsonNode section : sections) {
        addAll(parts, section.get("headline"));
        addAll(parts, section.get("paragraphs"));
      }
    }
    return String.join("\n\n", parts);
  }

  private static void addAll(List<String> parts, JsonNode array) {
    if (array != null && array.isArray()) {
      for (JsonNode item : array) {
        if (item.isTextual() && !item.asText().isBlank()) {
          parts.add(item.asText().strip());
        }
      }
    }
  }

  private static void put(Map<String, String> fields, String name, JsonNode value) {
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.asText()));
      fields.put(name, String.join("; ", items));
    } else {
      fields.put(name, value.isValueNode() ? value.asText() : value.toString());
    }
  }

  private static String folderName(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = p.lastIndexOf('/');
    if (slash <= 0) {
      return "";
    }
    int prev = p.lastIndexOf('/', slash - 1);
    return p.substring(prev + 1, slash);
  }
}
