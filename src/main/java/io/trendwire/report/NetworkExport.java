package io.trendwire.report;

import static io.trendwire.schema.Columns.*;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import io.trendwire.config.ReportConfig;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * network.gexf: the entity co-occurrence network of one period (or the whole run) and one scope,
 * as GEXF 1.3, the graph format Gephi opens (GDELT publishes its networks the same way). Nodes are
 * entities with their type, country and article count; edges are pairs with their co-mention count
 * (also the edge weight) and NPMI. At most {@link ReportConfig#networkMaxEdges()} edges, those with
 * the most co-mentions, so the file stays small enough to lay out.
 */
public final class NetworkExport {
  static final String NAMESPACE = "http://gexf.net/1.3";

  private NetworkExport() {}

  /** An entity: {@code articles} is its counted articles over the whole run (entities/). */
  public record Node(String id, String label, String type, String country, Long articles) {}

  /** A pair: {@code source < target} as in the report contract. */
  public record Edge(String source, String target, long articles, Double npmi) {}

  /** The graph to write: {@code period} is "all" or the first day of the period. */
  public record Network(String period, String scope, List<Node> nodes, List<Edge> edges) {}

  /**
   * Selects the network from the written report: pairs/ for period "all", pair_trends/ for one
   * period ("latest": the last one with a co-mention). Returns null when the needed dataset is
   * absent; nodes come from entities/ (an entity missing there keeps the pair's name).
   *
   * <p>Input columns: pairs/ entity_a, entity_b, name_a, name_b, scope, articles, npmi;
   * pair_trends/ entity_a, entity_b, scope, period, articles, npmi; entities/ entity_id, name, type,
   * country, articles.
   */
  public static Network select(SparkSession spark, Function<String, String> path, ReportConfig config,
      Function<String, Boolean> exists) {
    boolean all = ReportConfig.ALL.equals(config.networkPeriod());
    String source = all ? "pairs" : "pair_trends";
    if (!exists.apply(source)) {
      return null;
    }
    Dataset<Row> pairs = ReportDigest.overall(spark.read().parquet(path.apply(source)))
        .filter(col(SCOPE).equalTo(config.networkScope()).and(col(ARTICLES).gt(0)));
    String period = ReportConfig.ALL;
    if (!all) {
      LocalDate date = config.networkPeriodDate();
      if (date == null) {
        Object last = pairs.agg(max(PERIOD)).first().get(0);
        date = last == null ? null : LocalDate.parse(last.toString());
      }
      if (date == null) {
        return new Network("none", config.networkScope(), List.of(), List.of());
      }
      period = date.toString();
      pairs = pairs.filter(col(PERIOD).equalTo(lit(java.sql.Date.valueOf(date))));
    }
    List<Row> top = pairs.orderBy(desc(ARTICLES), desc(NPMI), col(ENTITY_A), col(ENTITY_B))
        .limit(config.networkMaxEdges())
        .select(col(ENTITY_A), col(ENTITY_B), col(ARTICLES).cast("long"), col(NPMI).cast("double"),
            all ? col(NAME_A) : lit(null).cast("string"), all ? col(NAME_B) : lit(null).cast("string"))
        .collectAsList();
    List<Edge> edges = new ArrayList<>();
    Map<String, String> pairNames = new LinkedHashMap<>();
    for (Row r : top) {
      edges.add(new Edge(r.getString(0), r.getString(1), r.getLong(2), r.isNullAt(3) ? null : r.getDouble(3)));
      pairNames.putIfAbsent(r.getString(0), r.isNullAt(4) ? r.getString(0) : r.getString(4));
      pairNames.putIfAbsent(r.getString(1), r.isNullAt(5) ? r.getString(1) : r.getString(5));
    }
    Map<String, Node> known = new LinkedHashMap<>();
    if (exists.apply("entities") && !pairNames.isEmpty()) {
      for (Row r : spark.read().parquet(path.apply("entities")).filter(col(ENTITY_ID).isin(pairNames.keySet().toArray()))
          .select(col(ENTITY_ID), col(NAME), col(TYPE), col(COUNTRY), col(ARTICLES).cast("long")).collectAsList()) {
        known.put(r.getString(0), new Node(r.getString(0), r.getString(1), r.getString(2), r.getString(3),
            r.isNullAt(4) ? null : r.getLong(4)));
      }
    }
    List<Node> nodes = new ArrayList<>();
    pairNames.forEach((id, name) -> nodes.add(known.getOrDefault(id, new Node(id, name, null, null, null))));
    return new Network(period, config.networkScope(), nodes, edges);
  }

  /** The network as GEXF 1.3 (UTF-8 XML). Null attribute values are left out, as GEXF allows. */
  public static String gexf(Network network, String description) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("gexf");
      x.writeDefaultNamespace(NAMESPACE);
      x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
      x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
          NAMESPACE + " http://gexf.net/1.3/gexf.xsd");
      x.writeAttribute("version", "1.3");
      x.writeStartElement("meta");
      x.writeAttribute("lastmodifieddate", LocalDate.now(java.time.ZoneOffset.UTC).toString());
      element(x, "creator", "TrendWire");
      element(x, "description", description + " (period " + network.period() + ", scope " + network.scope() + ")");
      x.writeEndElement();
      x.writeStartElement("graph");
      x.writeAttribute("defaultedgetype", "undirected");
      x.writeAttribute("mode", "static");
      attributes(x, "node", List.of("type", "string", "country", "string", "articles", "long"));
      attributes(x, "edge", List.of("articles", "long", "npmi", "double"));
      x.writeStartElement("nodes");
      for (Node n : network.nodes()) {
        x.writeStartElement("node");
        x.writeAttribute("id", n.id());
        x.writeAttribute("label", n.label() == null ? n.id() : n.label());
        attvalues(x, "type", n.type(), "country", n.country(), "articles", n.articles());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeStartElement("edges");
      int id = 0;
      for (Edge e : network.edges()) {
        x.writeStartElement("edge");
        x.writeAttribute("id", Integer.toString(id++));
        x.writeAttribute("source", e.source());
        x.writeAttribute("target", e.target());
        x.writeAttribute("weight", Long.toString(e.articles()));
        attvalues(x, "articles", e.articles(), "npmi", e.npmi());
        x.writeEndElement();
      }
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write GEXF", e);
    }
    return out.toString();
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(text);
    x.writeEndElement();
  }

  /** Declares attributes: {@code idTypes} alternates id and GEXF type. */
  private static void attributes(XMLStreamWriter x, String cls, List<String> idTypes) throws XMLStreamException {
    x.writeStartElement("attributes");
    x.writeAttribute("class", cls);
    for (int i = 0; i < idTypes.size(); i += 2) {
      x.writeEmptyElement("attribute");
      x.writeAttribute("id", idTypes.get(i));
      x.writeAttribute("title", idTypes.get(i));
      x.writeAttribute("type", idTypes.get(i + 1));
    }
    x.writeEndElement();
  }

  /** Writes {@code <attvalues>}: alternating attribute id and value; nulls are skipped. */
  private static void attvalues(XMLStreamWriter x, Object... forValue) throws XMLStreamException {
    x.writeStartElement("attvalues");
    for (int i = 0; i < forValue.length; i += 2) {
      if (forValue[i + 1] != null) {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", forValue[i].toString());
        x.writeAttribute("value", forValue[i + 1].toString());
      }
    }
    x.writeEndElement();
  }
}
