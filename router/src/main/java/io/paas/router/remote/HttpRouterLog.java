package io.paas.router.remote;

import io.paas.common.cluster.LineBatches;
import io.paas.router.RoutedRequest;
import io.paas.router.RouterLog;
import io.vertx.core.Vertx;
import java.time.Duration;

/**
 * A standalone router's requests, posted to the controller in bounded batches for the apps' logs and metrics.
 */
public final class HttpRouterLog implements RouterLog {
  private static final int MAX_BUFFERED = 10_000;
  private static final int MAX_BATCH = 500;
  private static final Duration FLUSH_INTERVAL = Duration.ofMillis(500);

  private final LineBatches<RoutedRequest> batches;

  public HttpRouterLog(Vertx vertx, RouterApiClient controller) {
    this.batches = new LineBatches<>(vertx, MAX_BUFFERED, MAX_BATCH, FLUSH_INTERVAL, controller::logs);
  }

  @Override
  public void request(RoutedRequest request) {
    batches.add(request);
  }
}
