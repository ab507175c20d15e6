package io.paas.router;

import io.paas.router.proxy.AppHosts;
import io.paas.router.proxy.BackendSelector;
import io.paas.router.proxy.ErrorPageInterceptor;
import io.paas.router.proxy.ForwardedHeadersInterceptor;
import io.paas.router.proxy.HopByHopInterceptor;
import io.paas.router.proxy.InFlightRequests;
import io.paas.router.proxy.RequestIdInterceptor;
import io.paas.router.proxy.RoundRobin;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.HttpProxy;
import java.time.Duration;

/**
 * The HTTP front door: routes {@code APP.DOMAIN} to the app's web dynos, streaming both ways.
 *
 * <p>The request path is vertx-http-proxy with a chain of interceptors, outermost first: error pages, hop-by-hop
 * headers (before ours are added), request id, forwarded headers; then {@link BackendSelector} picks a dyno and
 * connects to it.
 */
public final class RouterServer {
  private final HttpClient client;
  private final HttpServer server;
  private final InFlightRequests inFlight;

  public RouterServer(Vertx vertx, RoutingTable table, String domain) {
    this.client = vertx.createHttpClient(new HttpClientOptions()
            .setConnectTimeout(5_000)
            // Below the idle timeouts of common app servers (gunicorn 2 s, Node 5 s), so a pooled connection is
            // rarely reused just as the dyno closes it.
            .setKeepAliveTimeout(2),
        new PoolOptions().setHttp1MaxSize(128));
    this.inFlight = new InFlightRequests(vertx);
    HttpProxy proxy = HttpProxy.reverseProxy(client)
        .origin(new BackendSelector(table, new AppHosts(domain), new RoundRobin(), inFlight))
        .addInterceptor(new ErrorPageInterceptor(), true)
        .addInterceptor(new HopByHopInterceptor(), false)
        .addInterceptor(new RequestIdInterceptor(), true)
        .addInterceptor(new ForwardedHeadersInterceptor(), true);
    // The router answers 100 Continue itself so clients start sending at once; the body is streamed to the dyno.
    // Cleartext HTTP/2 upgrades are declined: the proxy speaks HTTP/1.1 to dynos and browsers never ask for h2c.
    this.server = vertx.createHttpServer(new HttpServerOptions().setHandle100ContinueAutomatically(true)
            .setHttp2ClearTextEnabled(false))
        .requestHandler(proxy);
  }

  /** Starts accepting requests; port 0 picks a free port. Completes with the bound port. */
  public Future<Integer> listen(String host, int port) {
    return server.listen(port, host).map(HttpServer::actualPort);
  }

  /**
   * Completes once no request is in flight to the backend (at once if there is none), or after the timeout,
   * whichever comes first; it never fails. A deploy calls it after switching the table away from the backend.
   */
  public Future<Void> awaitIdle(Backend backend, Duration timeout) {
    return inFlight.awaitIdle(backend, timeout);
  }

  public Future<Void> close() {
    return server.close().eventually(client::close);
  }
}
