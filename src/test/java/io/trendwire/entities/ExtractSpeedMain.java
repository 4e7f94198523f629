package io.trendwire.entities;

import io.trendwire.ingest.RawRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * Single-thread speed of {@link EntityMatcher#extract} without Spark, on the bodies of the
 * Reuters-21578 SGML files: separates the matcher's own cost from Spark's. Run by bench/entities.
 */
public final class ExtractSpeedMain {
  public static void main(String[] args) throws Exception {
    Path dir = Paths.get(args[0]);
    List<String> texts = new ArrayList<>();
    Pattern body = Pattern.compile("<BODY>(.*?)</BODY>", Pattern.DOTALL);
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sgm")).sorted().toList()) {
        Matcher m = body.matcher(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
        while (m.find()) {
          texts.add(m.group(1));
        }
      }
    }
    long bytes = texts.stream().mapToLong(t -> t.getBytes(StandardCharsets.UTF_8).length).sum();
    long t0 = System.nanoTime();
    EntityMatcher matcher = EntityMatcher.compile(GazetteerIO.load(List.of(), new Configuration()));
    System.out.printf("compile: %.1f s (%d entities, %d aliases)%n", (System.nanoTime() - t0) / 1e9,
        matcher.entityCount(), matcher.aliasCount());
    for (int round = 0; round < 3; round++) {
      EntityMatcher.FormCache cache = new EntityMatcher.FormCache();
      long start = System.nanoTime();
      long mentions = 0;
      for (String t : texts) {
        mentions += matcher.extract(t, "text", "en", cache).size();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      System.out.printf("round %d: %d texts, %.1f MB, %d mentions in %.2f s: %.1f MB/s, %.0f articles/s (one thread)%n",
          round, texts.size(), bytes / 1e6, mentions, secs, bytes / 1e6 / secs, texts.size() / secs);
    }
    long start = System.nanoTime();
    long tokens = 0;
    for (String t : texts) {
      tokens += Tokenizer.tokenize(t).size();
    }
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("tokenizer alone: %d tokens in %.2f s: %.1f MB/s%n", tokens, secs, bytes / 1e6 / secs);
  }
}
