package io.trendwire.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The sampler's parts without Spark: the learned prior, and the counts a sweep keeps. */
class GibbsLdaTest {

  /**
   * Articles drawn from a known asymmetric Dirichlet (topic proportions) and a multinomial
   * (their topic counts): the fixed point, started from a flat 0.1, finds the Dirichlet's alpha.
   */
  @Test
  void learnsTheArticleTopicPriorArticlesWereDrawnFrom() {
    double[] truth = {0.8, 0.3, 0.1, 0.05};
    Well19937c random = new Well19937c(11);
    GammaDistribution[] gamma = Arrays.stream(truth).mapToObj(a -> new GammaDistribution(random, a, 1))
        .toArray(GammaDistribution[]::new);
    GibbsLda.Counts counts = new GibbsLda.Counts(truth.length, 1);
    for (int d = 0; d < 3000; d++) {
      double[] theta = Arrays.stream(gamma).mapToDouble(GammaDistribution::sample).toArray();
      double sum = Arrays.stream(theta).sum();
      int length = 20 + random.nextInt(60);
      int[] topics = new int[length];
      for (int i = 0; i < length; i++) {
        double u = random.nextDouble() * sum;
        int t = 0;
        while (t < theta.length - 1 && (u -= theta[t]) > 0) {
          t++;
        }
        topics[i] = t;
      }
      counts.add(new int[length], topics);
    }
    double[] alpha = new double[truth.length];
    Arrays.fill(alpha, 0.1);
    for (int round = 0; round < 20; round++) {
      alpha = GibbsLda.learnAlpha(alpha, counts.docsByTopicCount, counts.docsByLength);
    }
    for (int t = 0; t < truth.length; t++) {
      assertEquals(truth[t], alpha[t], 0.15 * truth[t], "alpha_" + t + " of " + Arrays.toString(alpha));
    }
  }

  /** A sweep moves tokens between topics; every token keeps its term, and the counts add up. */
  @Test
  void aSweepKeepsEveryTokenAndItsTerm() {
    int k = 3;
    int vocabulary = 5;
    SplittableRandom random = new SplittableRandom(3);
    List<GibbsLda.Doc> docs = new ArrayList<>();
    for (int d = 0; d < 40; d++) {
      int[] terms = random.ints(12, 0, vocabulary).toArray();
      docs.add(new GibbsLda.Doc(terms, new int[][] {random.ints(12, 0, k).toArray()}));
    }
    GibbsLda.Counts before = new GibbsLda.Counts(k, vocabulary);
    docs.forEach(d -> before.add(d.terms(), d.topics()[0]));
    List<GibbsLda.Doc> after = new ArrayList<>();
    GibbsLda.sweep(docs.iterator(), new int[][] {before.termTopic}, new double[][] {{0.1, 0.1, 0.1}}, 0.01,
        vocabulary, 5, new SplittableRandom[] {new SplittableRandom(5)}).forEachRemaining(after::add);
    GibbsLda.Counts counted = new GibbsLda.Counts(k, vocabulary);
    after.forEach(d -> counted.add(d.terms(), d.topics()[0]));
    boolean moved = false;
    for (int d = 0; d < docs.size(); d++) {
      assertArrayEquals(docs.get(d).terms(), after.get(d).terms());
      moved |= !Arrays.equals(docs.get(d).topics()[0], after.get(d).topics()[0]);
    }
    assertTrue(moved, "some token changed topic");
    for (int w = 0; w < vocabulary; w++) {
      int before_w = 0;
      int after_w = 0;
      for (int t = 0; t < k; t++) {
        before_w += before.termTopic[w * k + t];
        after_w += counted.termTopic[w * k + t];
        assertTrue(counted.termTopic[w * k + t] >= 0);
      }
      assertEquals(before_w, after_w, "tokens of term " + w);
    }
  }
}
