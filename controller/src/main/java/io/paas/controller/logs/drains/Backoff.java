package io.paas.controller.logs.drains;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How long a sender waits before it tries again: doubling from {@code min} up to {@code max}, each wait cut to a
 * random 50 to 100% so that drains failing together do not all come back at the same instant.
 */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private final DoubleSupplier random;
  private int failures;

  Backoff(Duration min, Duration max) {
    this(min, max, () -> ThreadLocalRandom.current().nextDouble());
  }

  Backoff(Duration min, Duration max, DoubleSupplier random) {
    this.min = min;
    this.max = max;
    this.random = random;
  }

  long nextMillis() {
    long full = Math.min(max.toMillis(), min.toMillis() << Math.min(failures, 30));
    failures++;
    return Math.max(1, Math.round(full * (0.5 + random.getAsDouble() / 2)));
  }

  void reset() {
    failures = 0;
  }
}
