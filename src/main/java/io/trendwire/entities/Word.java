package io.trendwire.entities;

/**
 * A distinct word as written, with what the matcher needs to know about it, computed once per
 * word (per executor thread, see {@link EntityMatcher.FormCache}) rather than once per
 * occurrence: its match form ({@link MatchForms}), its token id in the matcher's vocabulary (-1:
 * in no alias), the trie state it leads to from the root (-1: it starts no alias), its
 * capitalisation, and, computed on first use in Polish or Scandinavian text, the same for its
 * Polish stem or for the word without a genitive -s.
 */
public final class Word {
  static final int UNKNOWN = -2;
  private final String surface;
  private final String form;
  private final int id;
  private final int root;
  private final boolean capitalized;
  private final boolean allUpper;
  private final boolean letter;
  int polishId = UNKNOWN;
  int polishRoot = UNKNOWN;
  int genitiveId = UNKNOWN;
  int genitiveRoot = UNKNOWN;
  /** Whether the word can be part of an unknown proper name: 0 not yet known, 1 yes, -1 no. */
  byte nameWord;

  Word(String surface, String form, int id, int root) {
    this.surface = surface;
    this.form = form;
    this.id = id;
    this.root = root;
    int first = surface.codePointAt(0);
    this.letter = Character.isLetter(first);
    boolean upper = Character.isUpperCase(first) || Character.isTitleCase(first);
    this.capitalized = upper;
    boolean anyLetter = false;
    for (int k = 0; k < surface.length(); k++) {
      char c = surface.charAt(k);
      if (Character.isLetter(c)) {
        anyLetter = true;
        if (Character.isLowerCase(c)) {
          upper = false;
        }
      }
    }
    this.allUpper = upper && anyLetter;
  }

  public String surface() {
    return surface;
  }

  public String form() {
    return form;
  }

  public int id() {
    return id;
  }

  int root() {
    return root;
  }

  public boolean capitalized() {
    return capitalized;
  }

  public boolean allUpper() {
    return allUpper;
  }

  /** Starts with a letter (not a digit). */
  boolean letter() {
    return letter;
  }
}
