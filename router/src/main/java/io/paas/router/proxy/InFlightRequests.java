package io.paas.router.proxy;

import io.paas.router.Backend;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts the requests in flight to each backend, so a deploy can wait for the old dyno to drain before stopping it.
 * Counted from the moment a backend is chosen until the client has its whole response or the exchange is over.
 */
public final class InFlightRequests {
  private final Vertx vertx;
  private final Map<Backend, Integer> counts = new HashMap<>();
  private final Map<Backend, List<Runnable>> idleWaiters = new HashMap<>();

  public InFlightRequests(Vertx vertx) {
    this.vertx = vertx;
  }

  synchronized void started(Backend backend) {
    counts.merge(backend, 1, Integer::sum);
  }

  void finished(Backend backend) {
    List<Runnable> waiters;
    synchronized (this) {
      if (counts.computeIfPresent(backend, (key, count) -> count == 1 ? null : count - 1) != null) {
        return;
      }
      waiters = idleWaiters.remove(backend);
    }
    if (waiters != null) {
      waiters.forEach(Runnable::run);
    }
  }

  /**
   * Ends the count when the response to the client is over: fully written, or its connection closed. For a
   * WebSocket the count ends with the handshake: the upgraded connection lives as long as the client wants, and
   * stopping its dyno closes it, which clients of WebSockets must survive anyway.
   */
  void finishWhenAnswered(HttpServerResponse response, Backend backend, boolean webSocket) {
    AtomicBoolean done = new AtomicBoolean();
    Runnable finish = () -> {
      if (done.compareAndSet(false, true)) {
        finished(backend);
      }
    };
    if (response.closed()) {
      finish.run();
      return;
    }
    response.endHandler(v -> finish.run());
    response.closeHandler(v -> finish.run());
    if (webSocket) {
      response.headersEndHandler(v -> finish.run());
    }
  }

  /** Completes when the backend has no request in flight, or when the timeout elapses; never fails. */
  public Future<Void> awaitIdle(Backend backend, Duration timeout) {
    // Completed on the caller's context, not on the event loop that happens to finish the last request.
    Context caller = vertx.getOrCreateContext();
    Promise<Void> idle = Promise.promise();
    Runnable waiter = () -> caller.runOnContext(v -> idle.tryComplete());
    synchronized (this) {
      if (!counts.containsKey(backend)) {
        return Future.succeededFuture();
      }
      idleWaiters.computeIfAbsent(backend, key -> new ArrayList<>()).add(waiter);
    }
    long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
      forget(backend, waiter);
      idle.tryComplete();
    });
    return idle.future().andThen(done -> vertx.cancelTimer(timer));
  }

  private synchronized void forget(Backend backend, Runnable waiter) {
    List<Runnable> waiters = idleWaiters.get(backend);
    if (waiters != null && waiters.remove(waiter) && waiters.isEmpty()) {
      idleWaiters.remove(backend);
    }
  }
}
