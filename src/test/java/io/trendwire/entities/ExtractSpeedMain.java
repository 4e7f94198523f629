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
 * Single-thread speed of {@link EntityMatcher#extract} without Spark (in CPU seconds of the thread: the machine may be shared), on the bodies of the
 * Reuters-21578 SGML files: separates the matcher's own cost from Spark's. Run by bench/entities.
 */
public final class ExtractSpeedMain {
  /** CPU time of this thread: the machine is shared, so wall time says little. */
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();


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
    for (int round = 0; round < 5; round++) {
      EntityMatcher.FormCache cache = new EntityMatcher.FormCache();
      long start = System.nanoTime();
      long cpu0 = THREADS.getCurrentThreadCpuTime();
      long mentions = 0;
      for (String t : texts) {
        mentions += matcher.extract(t, "text", "en", cache).size();
      }
      double secs = (System.nanoTime() - start) / 1e9;
      double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
      System.out.printf("round %d: %d texts, %.1f MB, %d mentions in %.2f s wall, %.2f s CPU: %.1f MB/s of CPU, "
          + "%.0f articles/s (one thread)%n", round, texts.size(), bytes / 1e6, mentions, secs, cpu, bytes / 1e6 / cpu,
          texts.size() / cpu);
    }
    // With the words cached as the matcher has them (a warm cache: forms are not recomputed).
    EntityMatcher.FormCache words = new EntityMatcher.FormCache().of(matcher);
    for (String t : texts) {
      Tokenizer.tokenize(t, words);
    }
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    long tokens = 0;
    for (String t : texts) {
      tokens += Tokenizer.tokenize(t, words).size();
    }
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
    System.out.printf("tokenizer alone: %d tokens in %.2f s CPU: %.1f MB/s%n", tokens, cpu, bytes / 1e6 / cpu);
  }
}
