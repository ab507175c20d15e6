package io.paas.controller.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strikes against keys (an account, an address) and the locks they earn under a {@link LockoutRule}. In memory: one
 * controller sees every attempt it serves; several controllers would each count their own share.
 */
final class Lockout {
  /** Past this many keys, a strike first drops the forgotten ones, so sprayed keys cannot pile up. */
  private static final int PRUNE_ABOVE = 10_000;

  private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();
  private final LockoutRule rule;
  private final InstantSource clock;

  Lockout(LockoutRule rule, InstantSource clock) {
    this.rule = rule;
    this.clock = clock;
  }

  /** How long the key is still locked; zero when it is not. */
  Duration lockedFor(String key) {
    Strikes current = strikes.get(key);
    if (current == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(clock.instant(), current.last().plus(rule.lockAfter(current.count())));
    return left.isNegative() ? Duration.ZERO : left;
  }

  void strike(String key) {
    Instant now = clock.instant();
    if (strikes.size() > PRUNE_ABOVE) {
      strikes.values().removeIf(s -> forgotten(s, now));
    }
    strikes.compute(key, (k, s) -> new Strikes(s == null || forgotten(s, now) ? 1 : s.count() + 1, now));
  }

  /** Undoes one strike, for an attempt counted before its outcome was known that turned out well. */
  void takeBack(String key) {
    strikes.computeIfPresent(key, (k, s) -> s.count() <= 1 ? null : new Strikes(s.count() - 1, s.last()));
  }

  void clear(String key) {
    strikes.remove(key);
  }

  private boolean forgotten(Strikes s, Instant now) {
    return s.last().plus(rule.forget()).isBefore(now);
  }

  private record Strikes(int count, Instant last) {
  }
}
