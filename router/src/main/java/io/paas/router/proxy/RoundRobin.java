package io.paas.router.proxy;

import io.paas.router.Backend;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Takes an app's backends in turn, skipping those this request already failed to reach. */
public final class RoundRobin {
  private final ConcurrentMap<String, AtomicInteger> turns = new ConcurrentHashMap<>();

  public Optional<Backend> next(String app, List<Backend> backends, Set<Backend> skipped) {
    List<Backend> candidates = skipped.isEmpty()
        ? backends
        : backends.stream().filter(backend -> !skipped.contains(backend)).toList();
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    int turn = turns.computeIfAbsent(app, name -> new AtomicInteger()).getAndIncrement();
    return Optional.of(candidates.get(Math.floorMod(turn, candidates.size())));
  }
}
