package io.paas.controller.scheduler;

import java.util.Comparator;

/** Which host with room suits a dyno best; the first in this order wins. */
final class HostRank {
  private HostRank() {
  }

  /** Fewest dynos of the same app and process type (spread), then most free memory, then id, for determinism. */
  static Comparator<HostLoad> forDyno(DynoRequest dyno) {
    return Comparator.<HostLoad>comparingInt(load -> load.dynosLike(dyno))
        .thenComparing(Comparator.comparingLong(HostLoad::freeMemory).reversed())
        .thenComparing(HostLoad::id);
  }
}
