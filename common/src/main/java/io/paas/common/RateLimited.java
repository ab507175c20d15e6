package io.paas.common;

import java.time.Duration;

/** A 429: the caller must wait before trying again; the API edge sends how long as {@code Retry-After}. */
public final class RateLimited extends ApiException {
  private final long retryAfterSeconds;

  /** {@code what} says what was refused; the wait is added to it in whole seconds, rounded up. */
  public RateLimited(String what, Duration retryAfter) {
    this(what, Math.max(1, (retryAfter.toMillis() + 999) / 1000));
  }

  private RateLimited(String what, long seconds) {
    super(429, "rate_limited", what + " Try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
    this.retryAfterSeconds = seconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
