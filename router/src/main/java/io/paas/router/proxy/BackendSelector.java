package io.paas.router.proxy;

import io.paas.router.Backend;
import io.paas.router.RoutingTable;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens one attempt's request to a dyno of the exchange's app: the next backend in turn, counted in flight, with the
 * app's request timeout armed until the dyno's response headers. A failed connection fails with H19 or H21; the
 * {@link RetryInterceptor} decides whether another backend gets a turn.
 */
final class BackendSelector implements OriginRequestProvider {
  private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);
  private static final int MAX_ATTEMPTS = 3;

  private final RoutingTable table;
  private final RoundRobin roundRobin;
  private final InFlightRequests inFlight;
  private final long connectTimeoutMillis;

  BackendSelector(RoutingTable table, RoundRobin roundRobin, InFlightRequests inFlight, long connectTimeoutMillis) {
    this.table = table;
    this.roundRobin = roundRobin;
    this.inFlight = inFlight;
    this.connectTimeoutMillis = connectTimeoutMillis;
  }

  @Override
  public Future<HttpClientRequest> create(ProxyContext context) {
    Exchange exchange = Exchange.of(context);
    String app = exchange.app();
    List<Backend> backends = table.backends(app).orElse(List.of());
    if (backends.isEmpty()) {
      return Future.failedFuture(RouteFailure.of(RouterError.NO_WEB_DYNOS));
    }
    Backend backend = roundRobin.next(app, backends, exchange.tried());
    if (backend == null) {
      // Only after a failed attempt, when the table shrank to backends already tried: that failure stands.
      return Future.failedFuture(RouteFailure.of(exchange.error()));
    }
    inFlight.started(backend);
    // Checked again once counted: a deploy that switched the table and then found this backend idle must not
    // have it receive this request after all.
    if (!routes(app, backend)) {
      inFlight.finished(backend);
      return create(context);
    }
    exchange.attempt(backend, Math.min(backends.size(), MAX_ATTEMPTS), System.nanoTime());
    HttpServerRequest request = context.request().proxiedRequest();
    return context.client()
        .request(new RequestOptions()
            .setServer(SocketAddress.inetSocketAddress(backend.port(), backend.host()))
            .setConnectTimeout(connectTimeoutMillis)
            // Runs until the response headers arrive, and then ends: a response may stream for as long as it needs.
            .setIdleTimeout(table.settings(app).requestTimeout().toMillis()))
        .map(origin -> {
          exchange.connected(System.nanoTime());
          origin.authority(request.authority());
          // The failure also reaches the proxy through its futures; without a handler Vert.x would log an error
          // each time, e.g. whenever a proxied WebSocket closes.
          origin.exceptionHandler(failure -> LOG.debug("Exchange with {} ended: {}", backend, failure.getMessage()));
          return origin;
        })
        .recover(failure -> {
          exchange.connectFailed(System.nanoTime());
          LOG.debug("Cannot connect to {} of {}: {}", backend, app, failure.getMessage());
          // Timed out connecting, or waiting for a pooled connection to free up.
          boolean timedOut = failure instanceof ConnectTimeoutException || failure instanceof TimeoutException;
          return Future.failedFuture(new RouteFailure(
              timedOut ? RouterError.CONNECT_TIMEOUT : RouterError.CONNECTION_REFUSED, failure));
        });
  }

  private boolean routes(String app, Backend backend) {
    return table.backends(app).map(backends -> backends.contains(backend)).orElse(false);
  }
}
