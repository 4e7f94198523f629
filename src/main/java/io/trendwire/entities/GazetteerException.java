package io.trendwire.entities;

/** A gazetteer file that cannot be read; the message names the file and line. */
public class GazetteerException extends RuntimeException {
  public GazetteerException(String message) {
    super(message);
  }
}
