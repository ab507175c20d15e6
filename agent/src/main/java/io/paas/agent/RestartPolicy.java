package io.paas.agent;

import java.time.Duration;

/**
 * How soon a crashed dyno starts again: the first restart at once, the next after {@code base}, then after twice as
 * long with every further crash, up to {@code cap}. A dyno that stays up for {@code cap} counts its crashes from zero
 * again, as does a new release.
 */
public record RestartPolicy(Duration base, Duration cap) {
  public static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(2), Duration.ofMinutes(5));
  /** Past this many doublings every wait is the cap anyway; stopping here keeps the arithmetic from overflowing. */
  private static final int MAX_DOUBLINGS = 30;

  public RestartPolicy {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("A restart policy needs 0 < base <= cap, not " + base + " and " + cap);
    }
  }

  /** The wait before restarting a dyno after its {@code crashes}-th crash in a row (the first is 1). */
  public Duration delay(int crashes) {
    if (crashes <= 1) {
      return Duration.ZERO;
    }
    Duration doubled = base.multipliedBy(1L << Math.min(crashes - 2, MAX_DOUBLINGS));
    return doubled.compareTo(cap) > 0 ? cap : doubled;
  }
}
