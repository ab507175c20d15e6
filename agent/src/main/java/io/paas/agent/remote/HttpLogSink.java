package io.paas.agent.remote;

import io.paas.agent.LogLine;
import io.paas.agent.LogSink;
import io.paas.common.cluster.LineBatches;
import io.vertx.core.Vertx;
import java.time.Duration;

/** Ships the dynos' log lines to the controller in bounded batches (see {@link LineBatches}). */
public final class HttpLogSink implements LogSink {
  private final LineBatches<LogLine> batches;

  public HttpLogSink(Vertx vertx, ControllerClient controller) {
    this.batches = new LineBatches<>(vertx, 10_000, 500, Duration.ofMillis(200), controller::logs);
  }

  @Override
  public void line(LogLine line) {
    batches.add(line);
  }
}
