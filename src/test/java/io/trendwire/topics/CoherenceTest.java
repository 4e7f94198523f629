package io.trendwire.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** NPMI from document counts: its fixed points and sign. */
class CoherenceTest {
  @Test
  void npmiFixedPoints() {
    assertEquals(-1.0, Coherence.npmi(100, 10, 10, 0), 1e-12, "never together: -1");
    assertEquals(0.0, Coherence.npmi(100, 10, 10, 1), 1e-12, "independent (P(i,j) = P(i)P(j)): 0");
    assertEquals(1.0, Coherence.npmi(100, 10, 10, 10), 1e-12, "always together: 1");
    assertEquals(1.0, Coherence.npmi(100, 100, 100, 100), 1e-12, "in every document: 1");
    assertTrue(Coherence.npmi(100, 20, 20, 10) > 0, "more often together than chance: positive");
    assertTrue(Coherence.npmi(100, 50, 50, 10) < 0, "less often together than chance: negative");
  }

  @Test
  void topicCoherenceIsTheMeanOverPairs() {
    Coherence.Counts c = new Coherence.Counts(100, new long[] {10, 10, 10},
        new long[][] {{10, 10, 0}, {10, 10, 1}, {0, 1, 10}});
    double expected = (1.0 + -1.0 + 0.0) / 3;
    assertEquals(expected, Coherence.topic(c, new int[] {0, 1, 2}), 1e-12, "mean of the three pairs");
  }
}
