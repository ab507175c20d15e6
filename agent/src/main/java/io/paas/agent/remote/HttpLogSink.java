package io.paas.agent.remote;

import io.paas.agent.LogLine;
import io.paas.agent.LogSink;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ships log lines to the controller in batches. Bounded: while the controller is unreachable the newest lines are
 * dropped rather than growing the agent's memory, as the controller's own log buffer does.
 */
public final class HttpLogSink implements LogSink {
  private static final int MAX_BUFFERED = 10_000;
  private static final int MAX_BATCH = 500;
  private static final long FLUSH_MILLIS = 200;

  private final ControllerClient controller;
  private final ConcurrentLinkedQueue<LogLine> buffered = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicBoolean sending = new AtomicBoolean();

  public HttpLogSink(Vertx vertx, ControllerClient controller) {
    this.controller = controller;
    vertx.setPeriodic(FLUSH_MILLIS, id -> flush());
  }

  @Override
  public void line(LogLine line) {
    if (size.incrementAndGet() > MAX_BUFFERED) {
      size.decrementAndGet();
      return;
    }
    buffered.add(line);
  }

  /** One batch at a time, so lines reach the controller in order; a failed batch is lost. */
  private void flush() {
    if (buffered.isEmpty() || !sending.compareAndSet(false, true)) {
      return;
    }
    List<LogLine> batch = new ArrayList<>();
    for (LogLine line; batch.size() < MAX_BATCH && (line = buffered.poll()) != null; ) {
      batch.add(line);
    }
    size.addAndGet(-batch.size());
    controller.logs(batch).onComplete(done -> sending.set(false));
  }
}
