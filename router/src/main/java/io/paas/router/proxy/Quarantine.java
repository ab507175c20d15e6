package io.paas.router.proxy;

import io.paas.router.Backend;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Backends that just refused, reset or dropped a connection, kept out of rotation for a short while so that the
 * requests behind the failed one do not hit the same dead dyno first. Thread-safe; checking takes no lock.
 */
final class Quarantine {
  private final long periodNanos;
  private final ConcurrentMap<Backend, Long> releasedAt = new ConcurrentHashMap<>();

  Quarantine(Duration period) {
    this.periodNanos = period.toNanos();
  }

  void add(Backend backend) {
    long now = System.nanoTime();
    // Dynos that failed and were then removed from the table are never checked again: forget them here.
    releasedAt.values().removeIf(release -> release - now <= 0);
    releasedAt.put(backend, now + periodNanos);
  }

  boolean holds(Backend backend) {
    if (releasedAt.isEmpty()) {
      return false;
    }
    Long release = releasedAt.get(backend);
    return release != null && release - System.nanoTime() > 0;
  }
}
