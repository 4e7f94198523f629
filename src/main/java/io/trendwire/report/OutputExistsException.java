package io.trendwire.report;

/** The report folder exists and the run was not asked to overwrite it. */
public class OutputExistsException extends RuntimeException {
  public OutputExistsException(String message) {
    super(message);
  }
}
