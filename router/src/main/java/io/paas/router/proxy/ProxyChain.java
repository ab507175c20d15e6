package io.paas.router.proxy;

import io.paas.router.RouterLog;
import io.paas.router.RouterOptions;
import io.paas.router.RoutingTable;
import io.vertx.core.http.HttpClient;
import io.vertx.httpproxy.HttpProxy;

/**
 * The request path, outermost first: error pages; the exchange (app lookup, log line); hop-by-hop headers (dropped
 * before ours are added); request id; forwarded headers; maintenance; body size; retries; then
 * {@link BackendSelector} picks a dyno and connects to it.
 *
 * <p>Holds what every event loop's proxy shares: the balancing state and the in-flight counts, all thread-safe.
 */
public final class ProxyChain {
  private final RoutingTable table;
  private final RouterOptions options;
  private final RouterLog log;
  private final InFlightRequests inFlight;
  private final AppHosts hosts;
  private final Quarantine quarantine;
  private final RoundRobin roundRobin;

  public ProxyChain(RoutingTable table, RouterOptions options, RouterLog log, InFlightRequests inFlight) {
    this.table = table;
    this.options = options;
    this.log = log;
    this.inFlight = inFlight;
    this.hosts = new AppHosts(options.domain(), table);
    this.quarantine = new Quarantine(options.quarantine());
    this.roundRobin = new RoundRobin(quarantine);
  }

  /** A proxy sending through this client; {@code behindTls} for the listener only the TLS front talks to. */
  public HttpProxy proxy(HttpClient client, boolean behindTls) {
    return HttpProxy.reverseProxy(client)
        .origin(new BackendSelector(table, roundRobin, inFlight, options.connectTimeout().toMillis()))
        .addInterceptor(new ErrorPageInterceptor(), true)
        .addInterceptor(new ExchangeInterceptor(hosts, log, inFlight, behindTls), true)
        .addInterceptor(new HopByHopInterceptor(), false)
        .addInterceptor(new RequestIdInterceptor(), true)
        .addInterceptor(new ForwardedHeadersInterceptor(behindTls), true)
        .addInterceptor(new MaintenanceInterceptor(table), true)
        .addInterceptor(new RequestBodyInterceptor(options.maxBodySize()), false)
        .addInterceptor(new RetryInterceptor(quarantine, inFlight), true);
  }
}
