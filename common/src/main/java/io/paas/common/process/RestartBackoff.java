package io.paas.common.process;

import java.time.Duration;

/**
 * How long to wait before starting a dead child process again: doubling while it keeps dying soon after a start,
 * short once it ran. Not thread-safe; its owner asks it from one place at a time.
 */
public final class RestartBackoff {
  public static final Duration FIRST = Duration.ofMillis(500);
  public static final Duration LONGEST = Duration.ofSeconds(30);
  /** A process that ran this long died of something new, not of the same cause as the last time. */
  public static final Duration STABLE = Duration.ofMinutes(1);

  private Duration next = FIRST;

  /** The delay before the next start, given how long the process that just ended ran (zero if it never came up). */
  public Duration after(Duration uptime) {
    if (uptime.compareTo(STABLE) >= 0) {
      next = FIRST;
    }
    Duration delay = next;
    next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
    return delay;
  }
}
