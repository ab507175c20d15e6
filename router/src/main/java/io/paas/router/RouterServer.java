package io.paas.router;

import io.paas.router.proxy.InFlightRequests;
import io.paas.router.proxy.ProxyChain;
import io.paas.router.proxy.ProxyVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP front door: routes {@code APP.DOMAIN} and the apps' custom domains to their web dynos, streaming both
 * ways, and writes one router log line per request. Each listener runs on {@link RouterOptions#instances()} event
 * loops (see {@link ProxyVerticle}); the request path is in {@link ProxyChain}.
 */
public final class RouterServer {
  /** Vert.x shares one random port among the servers that listen on the same negative port number. */
  private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

  private final Vertx vertx;
  private final RouterOptions options;
  private final InFlightRequests inFlight;
  private final ProxyChain chain;
  private final List<String> deployments = new CopyOnWriteArrayList<>();

  public RouterServer(Vertx vertx, RoutingTable table, RouterOptions options, RouterLog log) {
    this.vertx = vertx;
    this.options = options;
    this.inFlight = new InFlightRequests(vertx);
    this.chain = new ProxyChain(table, options, log, inFlight);
  }

  /**
   * Starts accepting requests from clients, whose own {@code X-Forwarded-*} headers are replaced; port 0 picks a free
   * port. Completes with the bound port.
   */
  public Future<Integer> listen(String host, int port) {
    return listen(host, port, false);
  }

  /**
   * Starts accepting requests from the TLS front (Caddy, on loopback), which is the client-facing hop: its
   * {@code X-Forwarded-*} headers are kept and its requests logged as https. Whoever reaches this listener can claim
   * any client address, so it must only be reachable by the front. Completes with the bound port.
   */
  public Future<Integer> listenBehindTls(String host, int port) {
    return listen(host, port, true);
  }

  private Future<Integer> listen(String host, int port, boolean behindTls) {
    int sharedPort = port == 0 ? -RANDOM_PORT_KEYS.incrementAndGet() : port;
    List<ProxyVerticle> instances = new CopyOnWriteArrayList<>();
    return vertx.deployVerticle(() -> {
          ProxyVerticle instance = new ProxyVerticle(chain, options, host, sharedPort, behindTls);
          instances.add(instance);
          return instance;
        }, new DeploymentOptions().setInstances(options.instances()))
        .onSuccess(deployments::add)
        .map(deployment -> instances.get(0).port());
  }

  /**
   * Completes once no request is in flight to the backend (at once if there is none), or after the timeout,
   * whichever comes first; it never fails. A deploy calls it after switching the table away from the backend.
   */
  public Future<Void> awaitIdle(Backend backend, Duration timeout) {
    return inFlight.awaitIdle(backend, timeout);
  }

  /** Stops every listener, and closes the connections to dynos. */
  public Future<Void> close() {
    List<String> running = List.copyOf(deployments);
    deployments.removeAll(running);
    return Future.join(running.stream().map(vertx::undeploy).toList()).mapEmpty();
  }
}
