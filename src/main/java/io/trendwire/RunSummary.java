package io.trendwire;

/** What a run produced: the report folder and the record accounting. */
public record RunSummary(String output, long read, long accepted, long rejected, long duplicates) {}
