package io.paas.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.MemoryStatsConfig;
import com.github.dockerjava.api.model.StatsConfig;
import com.github.dockerjava.api.model.Statistics;
import io.paas.agent.DynoMemory;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Containers' memory from the engine's stats ({@code GET /containers/{id}/stats?stream=false}), counted as
 * {@code docker stats} counts it. The engine answers from its own once-a-second sampling, so each call takes about a
 * second: the calls go out together, at most {@value #IN_FLIGHT} at a time (the client's other connections follow
 * the dynos' logs), and reading many containers takes about as long as reading one.
 */
final class ContainerMemory {
  private static final int IN_FLIGHT = 8;
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final DockerClient docker;

  ContainerMemory(DockerClient docker) {
    this.docker = docker;
  }

  /** What came back within the timeout, by container id; containers that are gone or not running are left out. */
  Map<String, DynoMemory> read(Collection<String> containerIds) {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Semaphore slots = new Semaphore(IN_FLIGHT);
    Map<String, StatsCall> calls = new HashMap<>();
    try {
      for (String id : containerIds) {
        if (!slots.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          break;
        }
        StatsCall call = new StatsCall();
        call.stats.whenComplete((stats, failure) -> slots.release());
        calls.put(id, call);
        call.start(docker, id);
      }
      List<CompletableFuture<Statistics>> all = new ArrayList<>();
      calls.values().forEach(call -> all.add(call.stats));
      CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
          .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException someFailedOrLate) {
      // The others still count.
    }
    Map<String, DynoMemory> memory = new HashMap<>();
    calls.forEach((id, call) -> {
      call.close();
      call.result().flatMap(ContainerMemory::memory).ifPresent(sample -> memory.put(id, sample));
    });
    return memory;
  }

  /** Empty for a container that is not running: the engine answers with empty stats. */
  static Optional<DynoMemory> memory(Statistics stats) {
    MemoryStatsConfig memory = stats.getMemoryStats();
    if (memory == null || memory.getUsage() == null || memory.getLimit() == null) {
      return Optional.empty();
    }
    return Optional.of(new DynoMemory(usage(memory), memory.getLimit(), Instant.parse(stats.getRead())));
  }

  /**
   * The usage less the inactive page cache, which the kernel takes back before the container would hit its limit:
   * {@code total_inactive_file} on cgroup v1, {@code inactive_file} on v2, as the docker CLI reads them.
   */
  static long usage(MemoryStatsConfig memory) {
    StatsConfig stats = memory.getStats();
    Long inactive = stats == null ? null
        : stats.getTotalInactiveFile() != null ? stats.getTotalInactiveFile() : stats.getInactiveFile();
    long usage = memory.getUsage();
    return inactive != null && inactive < usage ? usage - inactive : usage;
  }

  /** One stats call: completes with the one sample a no-stream call gets, or null if none came. */
  private static final class StatsCall extends ResultCallback.Adapter<Statistics> {
    final CompletableFuture<Statistics> stats = new CompletableFuture<>();

    void start(DockerClient docker, String containerId) {
      try {
        docker.statsCmd(containerId).withNoStream(true).exec(this);
      } catch (RuntimeException e) {
        stats.completeExceptionally(e);
      }
    }

    @Override
    public void onNext(Statistics sample) {
      stats.complete(sample);
    }

    /** Not the adapter's, which logs an error: a container may well be gone by the time it is read. */
    @Override
    public void onError(Throwable failure) {
      stats.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      stats.complete(null);
      super.onComplete();
    }

    Optional<Statistics> result() {
      return stats.isDone() && !stats.isCompletedExceptionally() ? Optional.ofNullable(stats.join()) : Optional.empty();
    }

    @Override
    public void close() {
      try {
        super.close();
      } catch (IOException alreadyClosed) {
        // Nothing more to free.
      }
    }
  }
}
