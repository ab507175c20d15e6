package io.paas.router.proxy;

import io.paas.router.Backend;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiFunction;

/**
 * Counts the requests in flight to each backend, so a deploy can wait for the old dyno to drain before stopping it.
 * Counted from the moment a backend is chosen until the client has its whole response or the exchange is over.
 *
 * <p>Every event loop counts here, so each backend's count is changed under the map's lock for that key only: no
 * lock is shared between backends, and a backend's entry goes away with its last request.
 */
public final class InFlightRequests {
  private static final BiFunction<Backend, Count, Count> STARTED = (backend, count) -> {
    Count counted = count == null ? new Count() : count;
    counted.requests++;
    return counted;
  };
  private static final BiFunction<Backend, Count, Count> FINISHED = (backend, count) -> {
    if (--count.requests > 0) {
      return count;
    }
    // Each waiter only schedules its completion, so running them under the lock is cheap and cannot re-enter.
    if (count.idleWaiters != null) {
      count.idleWaiters.forEach(Runnable::run);
    }
    return null;
  };

  private final Vertx vertx;
  private final ConcurrentMap<Backend, Count> counts = new ConcurrentHashMap<>();

  public InFlightRequests(Vertx vertx) {
    this.vertx = vertx;
  }

  void started(Backend backend) {
    counts.compute(backend, STARTED);
  }

  void finished(Backend backend) {
    counts.computeIfPresent(backend, FINISHED);
  }

  /** Completes when the backend has no request in flight, or when the timeout elapses; never fails. */
  public Future<Void> awaitIdle(Backend backend, Duration timeout) {
    // Completed on the caller's context, not on the event loop that happens to finish the last request.
    Context caller = vertx.getOrCreateContext();
    Promise<Void> idle = Promise.promise();
    Runnable waiter = () -> caller.runOnContext(v -> idle.tryComplete());
    if (counts.computeIfPresent(backend, (key, count) -> {
      if (count.idleWaiters == null) {
        count.idleWaiters = new ArrayList<>();
      }
      count.idleWaiters.add(waiter);
      return count;
    }) == null) {
      return Future.succeededFuture();
    }
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
      // The count may be a later one, started after the waited-for one went idle.
      counts.computeIfPresent(backend, (key, count) -> {
        if (count.idleWaiters != null) {
          count.idleWaiters.remove(waiter);
        }
        return count;
      });
      idle.tryComplete();
    });
    return idle.future().andThen(done -> vertx.cancelTimer(timer));
  }

  /** Changed only inside the map's compute functions, which hold the lock for its backend. */
  private static final class Count {
    private int requests;
    /** Null until a deploy waits: most counts come and go without one. */
    private List<Runnable> idleWaiters;
  }
}
