package io.paas.router.proxy;

import io.paas.router.Backend;
import io.paas.router.RoutingTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the request to a dyno of the app named by the Host header: the next backend in turn, and the one after if
 * a dyno cannot be connected to (nothing has been sent yet, so trying another is safe for any method).
 */
public final class BackendSelector implements OriginRequestProvider {
  private static final Logger LOG = LoggerFactory.getLogger(BackendSelector.class);

  private final RoutingTable table;
  private final AppHosts hosts;
  private final RoundRobin roundRobin;
  private final InFlightRequests inFlight;

  public BackendSelector(RoutingTable table, AppHosts hosts, RoundRobin roundRobin, InFlightRequests inFlight) {
    this.table = table;
    this.hosts = hosts;
    this.roundRobin = roundRobin;
    this.inFlight = inFlight;
  }

  @Override
  public Future<HttpClientRequest> create(ProxyContext context) {
    return hosts.appOf(context.request().proxiedRequest().authority())
        .map(app -> connect(context, app, new HashSet<>()))
        .orElseGet(() -> Future.failedFuture(RouteFailure.noSuchApp()));
  }

  private Future<HttpClientRequest> connect(ProxyContext context, String app, Set<Backend> unreachable) {
    Optional<List<Backend>> backends = table.backends(app);
    if (backends.isEmpty()) {
      return Future.failedFuture(RouteFailure.noSuchApp());
    }
    if (backends.get().isEmpty()) {
      return Future.failedFuture(RouteFailure.noWebDynos());
    }
    Optional<Backend> next = roundRobin.next(app, backends.get(), unreachable);
    if (next.isEmpty()) {
      return Future.failedFuture(RouteFailure.dynosUnreachable());
    }
    Backend backend = next.get();
    inFlight.started(backend);
    // Checked again once counted: a deploy that switched the table and then found this backend idle must not
    // have it receive this request after all.
    if (!routes(app, backend)) {
      inFlight.finished(backend);
      return connect(context, app, unreachable);
    }
    HttpServerRequest request = context.request().proxiedRequest();
    return context.client()
        .request(new RequestOptions().setServer(SocketAddress.inetSocketAddress(backend.port(), backend.host())))
        .map(origin -> {
          origin.authority(request.authority());
          // The failure also reaches the proxy through its futures; without a handler Vert.x would log an error
          // each time, e.g. whenever a proxied WebSocket closes.
          origin.exceptionHandler(failure -> LOG.debug("Exchange with {} ended: {}", backend, failure.getMessage()));
          inFlight.finishWhenAnswered(request.response(), backend, context.isWebSocket());
          return origin;
        })
        .recover(failure -> {
          inFlight.finished(backend);
          LOG.debug("Cannot connect to {} of {}: {}", backend, app, failure.getMessage());
          unreachable.add(backend);
          return connect(context, app, unreachable);
        });
  }

  private boolean routes(String app, Backend backend) {
    return table.backends(app).map(backends -> backends.contains(backend)).orElse(false);
  }
}
