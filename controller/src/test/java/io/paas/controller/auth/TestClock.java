package io.paas.controller.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Time that stands still until a test moves it on, so waiting out a lock takes no real time. */
public final class TestClock implements InstantSource {
  private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  public void advance(Duration by) {
    now = now.plus(by);
  }
}
