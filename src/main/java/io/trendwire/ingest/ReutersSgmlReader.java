package io.trendwire.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reuters-21578 SGML: {@code <REUTERS ...>} documents with DATE, TOPICS/PLACES/PEOPLE/ORGS/
 * EXCHANGES/COMPANIES lists of {@code <D>} items and a TEXT with TITLE, DATELINE and BODY (or
 * unstructured text for TYPE="UNPROC"). Fields keep the SGML names: NEWID, DATE, TITLE, DATELINE,
 * BODY, TEXT, and the tag lists joined with ';'. Entities are decoded and control characters
 * (the files end bodies with &amp;#3;) removed.
 */
final class ReutersSgmlReader implements RecordReader {
  private static final Pattern DOC_START = Pattern.compile("<REUTERS\\b([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)=\"([^\"]*)\"");
  private static final Pattern D_ITEM = Pattern.compile("<D>(.*?)</D>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]+>");
  private static final String[] LISTS = {"TOPICS", "PLACES", "PEOPLE", "ORGS", "EXCHANGES", "COMPANIES"};
  private static final String[] TEXT_PARTS = {"TITLE", "DATELINE", "BODY"};
  /**
   * The timestamp at the start of DATE; some documents append operator codes or notes
   * ("... 11:22:33.44\t\t\tC T", "# date added by S Finch as guesswork").
   */
  private static final Pattern DATE_VALUE = Pattern.compile("\\d{1,2}-[A-Za-z]{3}-\\d{4}\\s+\\d{1,3}:\\d{2}:\\d{2}(\\.\\d+)?");

  private final Charset charset;
  private final long maxRecordBytes;

  ReutersSgmlReader(Charset charset, long maxRecordBytes) {
    this.charset = charset;
    this.maxRecordBytes = maxRecordBytes;
  }

  @Override
  public Iterator<RawRecord> read(InputFile file) throws IOException {
    String content;
    try (InputStream in = file.open()) {
      // Latin-1 (the corpus's encoding) maps every byte, so decoding itself cannot fail here.
      content = new String(in.readAllBytes(), charset);
    }
    String path = file.path();
    Matcher start = DOC_START.matcher(content);
    return new LazyIterator<>() {
      long number;
      int from = 0;

      @Override
      protected RawRecord computeNext() {
        if (!start.find(from)) {
          return null;
        }
        number++;
        int docStart = start.start();
        int end = content.indexOf("</REUTERS>", start.end());
        int nextStart = content.indexOf("<REUTERS", start.end());
        if (end < 0 || (nextStart >= 0 && nextStart < end)) {
          int stop = nextStart >= 0 ? nextStart : content.length();
          from = stop;
          return RawRecord.rejected(path, number, content.substring(docStart, stop), RejectReason.MALFORMED_SGML,
              "<REUTERS> document is not closed");
        }
        from = end + "</REUTERS>".length();
        String raw = content.substring(docStart, from);
        if (raw.length() > maxRecordBytes) {
          return RawRecord.rejected(path, number, raw, RejectReason.OVERSIZED_RECORD,
              "document longer than " + maxRecordBytes + " bytes");
        }
        return parse(path, number, raw, start.group(1), content.substring(start.end(), end));
      }
    };
  }

  private static RawRecord parse(String path, long number, String raw, String attributes, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher a = ATTRIBUTE.matcher(attributes);
    while (a.find()) {
      fields.put(a.group(1), a.group(2));
    }
    if (!fields.containsKey("NEWID")) {
      return RawRecord.rejected(path, number, raw, RejectReason.MALFORMED_SGML, "document has no NEWID");
    }
    String date = element(body, "DATE");
    if (date != null) {
      Matcher m = DATE_VALUE.matcher(clean(date));
      putText(fields, "DATE", m.find() ? m.group() : date);
    }
    for (String list : LISTS) {
      String inner = element(body, list);
      if (inner != null) {
        StringBuilder items = new StringBuilder();
        Matcher d = D_ITEM.matcher(inner);
        while (d.find()) {
          if (items.length() > 0) {
            items.append(';');
          }
          items.append(clean(d.group(1)).trim());
        }
        fields.put(list, items.toString());
      }
    }
    String text = element(body, "TEXT");
    if (text != null) {
      boolean structured = false;
      for (String part : TEXT_PARTS) {
        String value = element(text, part);
        if (value != null) {
          structured = true;
          putText(fields, part, value);
        }
      }
      if (!structured) {
        putText(fields, "TEXT", TAG.matcher(text).replaceAll(" "));
      }
    }
    return RawRecord.accepted(path, number, raw, fields);
  }

  private static void putText(Map<String, String> fields, String name, String value) {
    if (value != null) {
      String cleaned = clean(value).strip();
      if (!cleaned.isEmpty()) {
        fields.put(name, cleaned);
      }
    }
  }

  /** The content of the first {@code <name ...>...</name>} element, or null. */
  private static String element(String s, String name) {
    int open = s.indexOf("<" + name);
    while (open >= 0) {
      char after = open + name.length() + 1 < s.length() ? s.charAt(open + name.length() + 1) : '>';
      if (after == '>' || after == ' ') {
        break;
      }
      open = s.indexOf("<" + name, open + 1);
    }
    if (open < 0) {
      return null;
    }
    int contentStart = s.indexOf('>', open) + 1;
    int close = s.indexOf("</" + name + ">", contentStart);
    return close < 0 ? s.substring(contentStart) : s.substring(contentStart, close);
  }

  /** Decodes SGML entities and drops control characters other than newline and tab. */
  static String clean(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '&') {
        int semi = s.indexOf(';', i);
        if (semi > i && semi - i <= 8) {
          String entity = s.substring(i + 1, semi);
          Integer decoded = decodeEntity(entity);
          if (decoded != null) {
            if (!isControl(decoded) || decoded == '\n' || decoded == '\t') {
              out.appendCodePoint(decoded);
            }
            i = semi;
            continue;
          }
        }
        out.append(c);
      } else if (!isControl(c) || c == '\n' || c == '\t') {
        out.append(c);
      } else if (c == '\r') {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** C0 and C1 control characters and DEL. */
  static boolean isControl(int c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f;
  }

  private static Integer decodeEntity(String entity) {
    switch (entity) {
      case "lt": return (int) '<';
      case "gt": return (int) '>';
      case "amp": return (int) '&';
      case "quot": return (int) '"';
      case "apos": return (int) '\'';
      default:
        if (entity.startsWith("#")) {
          try {
            return Integer.parseInt(entity.substring(1));
          } catch (NumberFormatException e) {
            return null;
          }
        }
        return null;
    }
  }
}
