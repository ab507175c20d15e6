package io.paas.router.tls;

import java.time.Duration;

/** How long to wait before restarting caddy: doubling while it keeps dying soon after a start, short once it ran. */
final class RestartBackoff {
  static final Duration FIRST = Duration.ofMillis(500);
  static final Duration LONGEST = Duration.ofSeconds(30);
  /** A caddy that ran this long died of something new, not of the same cause as the last time. */
  static final Duration STABLE = Duration.ofMinutes(1);

  private Duration next = FIRST;

  /** The delay before the next start, given how long the caddy that just ended ran (zero if it never came up). */
  Duration after(Duration uptime) {
    if (uptime.compareTo(STABLE) >= 0) {
      next = FIRST;
    }
    Duration delay = next;
    next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
    return delay;
  }
}
