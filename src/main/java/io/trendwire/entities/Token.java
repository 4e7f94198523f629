package io.trendwire.entities;

/**
 * A word of a text: its character span, the {@link Word} written there (shared by every
 * occurrence of the same spelling), the sentence it is in and whether it starts the sentence.
 */
public record Token(int start, int end, Word word, int sentence, boolean sentenceStart) {
  public String surface() {
    return word.surface();
  }

  public boolean capitalized() {
    return word.capitalized();
  }

  public boolean allUpper() {
    return word.allUpper();
  }
}
