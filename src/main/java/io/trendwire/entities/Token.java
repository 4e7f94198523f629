package io.trendwire.entities;

/**
 * A word of a text: its character span, the surface form, the sentence it is in, whether it
 * starts the sentence, and its capitalisation.
 */
public record Token(int start, int end, String surface, int sentence, boolean sentenceStart,
    boolean capitalized, boolean allUpper) {}
