package io.trendwire.ingest;

/** The configured input names no readable file. */
public class InputNotFoundException extends RuntimeException {
  public InputNotFoundException(String message) {
    super(message);
  }
}
