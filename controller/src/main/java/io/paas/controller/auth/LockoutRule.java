package io.paas.controller.auth;

import java.time.Duration;

/**
 * When a {@link Lockout} locks a key: once it has {@code free} strikes in a row, for {@code first}, twice as long with
 * each further strike, up to {@code max}. Strikes are forgotten after {@code forget} without a new one.
 */
public record LockoutRule(int free, Duration first, Duration max, Duration forget) {
  public LockoutRule {
    if (free < 1 || first.isNegative() || first.isZero() || max.compareTo(first) < 0 || forget.compareTo(max) < 0) {
      // A key forgotten before its lock ends would start over at the first lock.
      throw new IllegalArgumentException("Need free >= 1 and 0 < first <= max <= forget: " + this);
    }
  }

  /** How long {@code strikes} in a row lock the key after the last of them; zero below the free ones. */
  Duration lockAfter(int strikes) {
    if (strikes < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(strikes - free, 30);
    Duration lock = first.multipliedBy(1L << doublings);
    return lock.compareTo(max) > 0 ? max : lock;
  }
}
