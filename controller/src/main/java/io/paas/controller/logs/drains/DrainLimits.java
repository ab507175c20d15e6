package io.paas.controller.logs.drains;

import java.time.Duration;

/**
 * How much a drain holds and how it paces itself: lines buffered while it cannot deliver, lines per https post and
 * how long a post waits to fill, and the retry backoff.
 */
public record DrainLimits(int capacity, int batchLines, Duration batchWait, Duration minBackoff, Duration maxBackoff) {
  public DrainLimits {
    if (capacity < 1 || batchLines < 1) {
      throw new IllegalArgumentException("A drain must hold and post at least one line");
    }
  }

  public static final DrainLimits DEFAULT =
      new DrainLimits(1000, 100, Duration.ofSeconds(1), Duration.ofMillis(500), Duration.ofSeconds(30));

  /** The same limits holding {@code lines} per drain. */
  public DrainLimits withCapacity(int lines) {
    return new DrainLimits(lines, batchLines, batchWait, minBackoff, maxBackoff);
  }
}
