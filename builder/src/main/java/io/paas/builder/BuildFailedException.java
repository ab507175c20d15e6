package io.paas.builder;

/** A build that could not produce an image; the message is the reason, fit to show the pusher. */
public class BuildFailedException extends Exception {
  public BuildFailedException(String reason) {
    super(reason);
  }

  public BuildFailedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
