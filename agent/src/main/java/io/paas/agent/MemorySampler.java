package io.paas.agent;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples the memory of the agent's running dynos every {@link #INTERVAL}, on a worker thread, and keeps each
 * container's latest sample for the heartbeats, which so never wait on the engine. One pass at a time: a slow engine
 * makes passes rarer rather than piling them up. A pass replaces every sample, so stopped containers drop out.
 */
public final class MemorySampler {
  public static final Duration INTERVAL = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(MemorySampler.class);

  private final Vertx vertx;
  private final DynoRuntime runtime;
  private final Supplier<List<DynoStatus>> dynos;
  private final AtomicBoolean sampling = new AtomicBoolean();
  private volatile Map<String, DynoMemory> latest = Map.of();

  public MemorySampler(Vertx vertx, DynoRuntime runtime, Supplier<List<DynoStatus>> dynos) {
    this.vertx = vertx;
    this.runtime = runtime;
    this.dynos = dynos;
  }

  /** Samples now, then every {@code interval}. */
  public void start(Duration interval) {
    vertx.setPeriodic(0, interval.toMillis(), id -> sample());
  }

  /** The statuses, each with its container's latest sample (null when it has none yet). */
  public List<DynoStatus> withMemory(List<DynoStatus> statuses) {
    Map<String, DynoMemory> samples = latest;
    return statuses.stream()
        .map(status -> status.containerId() == null ? status : status.withMemory(samples.get(status.containerId())))
        .toList();
  }

  private void sample() {
    if (!sampling.compareAndSet(false, true)) {
      return;
    }
    List<String> containers = dynos.get().stream().map(DynoStatus::containerId).filter(Objects::nonNull).toList();
    Future<Map<String, DynoMemory>> pass = containers.isEmpty() ? Future.succeededFuture(Map.of())
        : vertx.executeBlocking(() -> Map.copyOf(runtime.memory(containers)), false);
    pass.onComplete(done -> {
      if (done.succeeded()) {
        latest = done.result();
      } else {
        latest = Map.of();
        log.warn("Sampling the dynos' memory failed: {}", done.cause().getMessage());
      }
      sampling.set(false);
    });
  }
}
