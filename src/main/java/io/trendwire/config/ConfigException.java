package io.trendwire.config;

/** A config that cannot be read or is invalid; the message names the file and the field. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
