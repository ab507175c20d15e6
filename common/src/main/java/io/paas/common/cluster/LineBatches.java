package io.paas.common.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines on their way to the controller, sent in batches, one batch at a time so they arrive in order. Bounded:
 * while the controller is unreachable or slow the oldest lines are dropped (and counted in a warning) rather than
 * growing this process's memory, as the controller's own log buffer keeps the newest. {@link #add} is thread-safe
 * and never blocks, so event loops may call it.
 */
public final class LineBatches<T> {
  private static final Logger log = LoggerFactory.getLogger(LineBatches.class);

  private final Vertx vertx;
  private final int maxBuffered;
  private final int maxBatch;
  private final Function<List<T>, Future<Void>> send;
  private final ConcurrentLinkedQueue<T> buffered = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final AtomicBoolean sending = new AtomicBoolean();

  /** Sends what is buffered every {@code interval}, and at once when a full batch is waiting. */
  public LineBatches(Vertx vertx, int maxBuffered, int maxBatch, Duration interval,
                     Function<List<T>, Future<Void>> send) {
    this.vertx = vertx;
    this.maxBuffered = maxBuffered;
    this.maxBatch = maxBatch;
    this.send = send;
    vertx.setPeriodic(interval.toMillis(), id -> flush());
  }

  public void add(T line) {
    buffered.add(line);
    int now = size.incrementAndGet();
    if (now > maxBuffered && buffered.poll() != null) {
      size.decrementAndGet();
      dropped.incrementAndGet();
    } else if (now == maxBatch) {
      vertx.runOnContext(v -> flush());
    }
  }

  /** A failed batch is lost: retrying it would hold back the newer lines behind it. */
  private void flush() {
    if (buffered.isEmpty() || !sending.compareAndSet(false, true)) {
      return;
    }
    int lost = dropped.getAndSet(0);
    if (lost > 0) {
      log.warn("Dropped {} log lines the controller did not take in time", lost);
    }
    List<T> batch = new ArrayList<>();
    for (T line; batch.size() < maxBatch && (line = buffered.poll()) != null; ) {
      batch.add(line);
    }
    size.addAndGet(-batch.size());
    send.apply(batch).onComplete(done -> {
      if (done.failed()) {
        log.debug("Sending {} log lines failed: {}", batch.size(), done.cause().getMessage());
      }
      sending.set(false);
      if (size.get() >= maxBatch) {
        flush();
      }
    });
  }
}
