package io.trendwire.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.trendwire.SparkTestSession;
import io.trendwire.config.ReportConfig;
import io.trendwire.report.NetworkExport.Edge;
import io.trendwire.report.NetworkExport.Network;
import io.trendwire.report.NetworkExport.Node;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** network.gexf: written as GEXF 1.3 and parsed back; the period, scope and edge limit select the right pairs. */
class NetworkExportTest {
  @TempDir
  Path tmp;

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document d, String name) {
    NodeList list = d.getElementsByTagNameNS(NetworkExport.NAMESPACE, name);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  /** attvalue for → value of one node or edge. */
  private static Map<String, String> attvalues(Element e) {
    Map<String, String> out = new LinkedHashMap<>();
    NodeList values = e.getElementsByTagNameNS(NetworkExport.NAMESPACE, "attvalue");
    for (int i = 0; i < values.getLength(); i++) {
      Element v = (Element) values.item(i);
      out.put(v.getAttribute("for"), v.getAttribute("value"));
    }
    return out;
  }

  @Test
  void gexfParsesBackWithEveryNodeAndEdgeAttribute() throws Exception {
    Network network = new Network("2024-06-01", "document",
        List.of(new Node("country:KP", "North Korea", "COUNTRY", "KP", 42L),
            new Node("country:RU", "Russia", "COUNTRY", "RU", 57L),
            new Node("org:nato", "NATO <\"&'>", "ORG", null, 9L)),
        List.of(new Edge("country:KP", "country:RU", 12, 0.61), new Edge("country:RU", "org:nato", 3, null)));
    Document d = parse(NetworkExport.gexf(network, "test network"));

    Element root = d.getDocumentElement();
    assertEquals("gexf", root.getLocalName(), "root element");
    assertEquals(NetworkExport.NAMESPACE, root.getNamespaceURI(), "GEXF 1.3 namespace");
    assertEquals("1.3", root.getAttribute("version"), "version");
    Element graph = elements(d, "graph").get(0);
    assertEquals("undirected", graph.getAttribute("defaultedgetype"));
    Map<String, String> declared = new LinkedHashMap<>();
    for (Element a : elements(d, "attribute")) {
      declared.put(((Element) a.getParentNode()).getAttribute("class") + "." + a.getAttribute("id"), a.getAttribute("type"));
    }
    assertEquals(Map.of("node.type", "string", "node.country", "string", "node.articles", "long",
        "edge.articles", "long", "edge.npmi", "double"), declared, "declared attributes and their GEXF types");

    List<Element> nodes = elements(d, "node");
    assertEquals(3, nodes.size(), "nodes");
    assertEquals("North Korea", nodes.get(0).getAttribute("label"));
    assertEquals(Map.of("type", "COUNTRY", "country", "KP", "articles", "42"), attvalues(nodes.get(0)));
    assertEquals("NATO <\"&'>", nodes.get(2).getAttribute("label"), "markup characters survive escaping");
    assertEquals(Map.of("type", "ORG", "articles", "9"), attvalues(nodes.get(2)), "a null country is left out");

    List<Element> edges = elements(d, "edge");
    assertEquals(2, edges.size(), "edges");
    assertEquals("country:KP", edges.get(0).getAttribute("source"));
    assertEquals("country:RU", edges.get(0).getAttribute("target"));
    assertEquals("12", edges.get(0).getAttribute("weight"), "weight = co-mentions");
    assertEquals(Map.of("articles", "12", "npmi", "0.61"), attvalues(edges.get(0)));
    assertEquals(Map.of("articles", "3"), attvalues(edges.get(1)), "a null NPMI is left out");
    assertEquals(List.of("0", "1"), edges.stream().map(e -> e.getAttribute("id")).toList(), "unique edge ids");
  }

  private static final StructType PAIR_TRENDS = new StructType().add("entity_a", DataTypes.StringType)
      .add("entity_b", DataTypes.StringType).add("scope", DataTypes.StringType).add("period", DataTypes.DateType)
      .add("articles", DataTypes.LongType).add("npmi", DataTypes.DoubleType);

  private Map<String, String> report() {
    SparkSession spark = SparkTestSession.get();
    Date may = Date.valueOf("2024-05-01");
    Date june = Date.valueOf("2024-06-01");
    spark.createDataFrame(List.of(
        RowFactory.create("country:KP", "country:RU", "document", may, 2L, 0.3),
        RowFactory.create("country:KP", "country:RU", "document", june, 9L, 0.7),
        RowFactory.create("country:RU", "country:UA", "document", june, 4L, 0.2),
        RowFactory.create("country:RU", "country:US", "document", june, 4L, 0.5),
        RowFactory.create("country:KP", "country:RU", "sentence", june, 5L, 0.8),
        RowFactory.create("country:RU", "country:XX", "document", june, 0L, null)), PAIR_TRENDS)
        .write().parquet(tmp.resolve("pair_trends").toString());
    spark.createDataFrame(List.<Row>of(
        RowFactory.create("country:KP", "North Korea", "COUNTRY", "KP", 20L),
        RowFactory.create("country:RU", "Russia", "COUNTRY", "RU", 30L)),
        new StructType().add("entity_id", DataTypes.StringType).add("name", DataTypes.StringType)
            .add("type", DataTypes.StringType).add("country", DataTypes.StringType).add("articles", DataTypes.LongType))
        .write().parquet(tmp.resolve("entities").toString());
    Map<String, String> paths = new LinkedHashMap<>();
    for (String name : List.of("pairs", "pair_trends", "entities")) {
      paths.put(name, tmp.resolve(name).toString());
    }
    return paths;
  }

  @Test
  void selectsThePeriodScopeAndTopEdges() {
    Map<String, String> paths = report();
    SparkSession spark = SparkTestSession.get();
    Network latest = NetworkExport.select(spark, paths::get, new ReportConfig(null, null, null, "latest", null, 2),
        name -> Files.isDirectory(Path.of(paths.get(name))));
    assertEquals("2024-06-01", latest.period(), "latest = the last period with a co-mention");
    assertEquals(List.of(new Edge("country:KP", "country:RU", 9, 0.7), new Edge("country:RU", "country:US", 4, 0.5)),
        latest.edges(), "document scope, most co-mentions first, ties by NPMI, at most 2 edges");
    assertEquals(List.of(new Node("country:KP", "North Korea", "COUNTRY", "KP", 20L),
        new Node("country:RU", "Russia", "COUNTRY", "RU", 30L), new Node("country:US", "country:US", null, null, null)),
        latest.nodes(), "nodes from entities/; an entity missing there keeps its id");

    Network may = NetworkExport.select(spark, paths::get, new ReportConfig(null, null, null, "2024-05-01", "document", null),
        name -> Files.isDirectory(Path.of(paths.get(name))));
    assertEquals(List.of(new Edge("country:KP", "country:RU", 2, 0.3)), may.edges(), "a chosen period");

    Network sentence = NetworkExport.select(spark, paths::get, new ReportConfig(null, null, null, "latest", "sentence", null),
        name -> Files.isDirectory(Path.of(paths.get(name))));
    assertEquals(List.of(new Edge("country:KP", "country:RU", 5, 0.8)), sentence.edges(), "the sentence scope");
    assertFalse(sentence.edges().stream().anyMatch(e -> e.articles() == 0), "zero rows of complete series are no edges");

    assertNull(NetworkExport.select(spark, paths::get, ReportConfig.DEFAULT,
        name -> Files.isDirectory(Path.of(paths.get(name)))), "period all needs pairs/, absent here: nothing to write");
  }
}
