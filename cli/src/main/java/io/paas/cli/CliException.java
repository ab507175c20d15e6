package io.paas.cli;

/** A failure to report to the user as {@code ERROR: message} with exit status 1. */
public class CliException extends RuntimeException {
  public CliException(String message) {
    super(message);
  }
}
