package io.paas.cli;

/** A call the platform answered with an error status, kept for the commands that treat some statuses as no failure. */
public final class ApiError extends CliException {
  private final int status;

  public ApiError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
