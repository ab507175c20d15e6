package io.paas.controller.metrics;

import io.paas.agent.DynoMemory;
import io.paas.agent.DynoStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One app's dynos' memory in the last hour: per dyno name, a {@link MinuteRing} of the highest sample of each minute,
 * so a chart with a point a minute still shows a spike that came near the limit. Samples are filed under the minute
 * they were taken in, by the agent's clock; one outside the window (a clock far out of step) is left out. Heartbeats
 * and readers come from any thread, so every method locks.
 */
final class AppMemory {
  private final Map<String, MinuteRing<Peak>> dynos = new HashMap<>();

  synchronized void record(long now, String dyno, DynoMemory sample) {
    long minute = MinuteRing.of(sample.at());
    if (minute <= now - MinuteRing.MINUTES || minute > now + 1) {
      return;
    }
    Peak peak = dynos.computeIfAbsent(dyno, name -> new MinuteRing<>(Peak::new, Peak::clear)).write(minute);
    if (peak != null) {
      peak.offer(sample);
    }
  }

  /** Each dyno sampled in the window that ends with {@code now}, in name order (web.1, web.2, web.10, worker.1). */
  synchronized List<MemorySeries> window(long now) {
    List<MemorySeries> window = new ArrayList<>();
    dynos.keySet().stream().sorted(DynoStatus.NAME_ORDER).forEach(dyno -> {
      MinuteRing<Peak> ring = dynos.get(dyno);
      List<DynoMemory> samples = new ArrayList<>();
      for (long minute = now - MinuteRing.MINUTES + 1; minute <= now; minute++) {
        Peak peak = ring.read(minute);
        if (peak != null) {
          samples.add(peak.sample);
        }
      }
      if (!samples.isEmpty()) {
        window.add(new MemorySeries(dyno, List.copyOf(samples)));
      }
    });
    return window;
  }

  /** Forgets the dynos not sampled in the window that ends with {@code now}; true if none is left. */
  synchronized boolean dropIdle(long now) {
    dynos.values().removeIf(ring -> ring.idle(now));
    return dynos.isEmpty();
  }

  /** A minute's highest sample. */
  private static final class Peak {
    private DynoMemory sample;

    void offer(DynoMemory candidate) {
      if (sample == null || candidate.bytes() > sample.bytes()) {
        sample = candidate;
      }
    }

    void clear() {
      sample = null;
    }
  }
}
