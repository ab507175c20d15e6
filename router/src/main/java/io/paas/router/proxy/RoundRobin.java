package io.paas.router.proxy;

import io.paas.router.Backend;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Takes an app's backends in turn. Round robin rather than least-outstanding-requests: it costs one atomic increment,
 * spreads requests evenly over dynos that are alike (as a formation's are), and keeps no per-dyno state to update when
 * a response ends; least-outstanding would serve apps with very uneven request times better.
 *
 * <p>Skips the backends this request already tried, and quarantined ones unless every untried backend is
 * quarantined: then they are tried anyway, as a quarantined dyno may well be back, and refusing is sure to fail.
 */
final class RoundRobin {
  private final ConcurrentMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();
  private final Quarantine quarantine;

  RoundRobin(Quarantine quarantine) {
    this.quarantine = quarantine;
  }

  /** The next backend in turn, or null if every one was tried. */
  Backend next(String app, List<Backend> backends, Collection<Backend> tried) {
    Backend healthy = pick(app, backends, tried, true);
    return healthy != null ? healthy : pick(app, backends, tried, false);
  }

  /** Counts the candidates, then takes the one whose turn it is: even shares without building a list. */
  private Backend pick(String app, List<Backend> backends, Collection<Backend> tried, boolean skipQuarantined) {
    int candidates = count(backends, tried, skipQuarantined);
    if (candidates == 0) {
      return null;
    }
    int turn = Math.floorMod(turns.computeIfAbsent(app, name -> new AtomicInteger()).getAndIncrement(), candidates);
    // The last candidate stands in if a quarantine ended or began between the two passes.
    Backend chosen = null;
    for (Backend backend : backends) {
      if (isCandidate(backend, tried, skipQuarantined)) {
        chosen = backend;
        if (turn-- == 0) {
          break;
        }
      }
    }
    return chosen;
  }

  private int count(List<Backend> backends, Collection<Backend> tried, boolean skipQuarantined) {
    int count = 0;
    for (Backend backend : backends) {
      if (isCandidate(backend, tried, skipQuarantined)) {
        count++;
      }
    }
    return count;
  }

  private boolean isCandidate(Backend backend, Collection<Backend> tried, boolean skipQuarantined) {
    return !tried.contains(backend) && !(skipQuarantined && quarantine.holds(backend));
  }
}
