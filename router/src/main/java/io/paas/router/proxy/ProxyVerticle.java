package io.paas.router.proxy;

import io.paas.common.http.RequestHeadDeadline;
import io.paas.router.RouterOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;

/**
 * One event loop's share of a listener: a server on the listener's shared port and its own pool of kept-alive
 * connections to dynos, so a request never leaves the event loop that accepted it.
 */
public final class ProxyVerticle extends VerticleBase {
  private final ProxyChain chain;
  private final RouterOptions options;
  private final String host;
  private final int port;
  private final boolean behindTls;
  private HttpServer server;
  private HttpClient client;

  /** {@code port} as {@link io.vertx.core.http.HttpServer#listen(int, String)} takes it, negative ones included. */
  public ProxyVerticle(ProxyChain chain, RouterOptions options, String host, int port, boolean behindTls) {
    this.chain = chain;
    this.options = options;
    this.host = host;
    this.port = port;
    this.behindTls = behindTls;
  }

  @Override
  public Future<?> start() {
    client = vertx.createHttpClient(new HttpClientOptions()
            .setConnectTimeout((int) options.connectTimeout().toMillis())
            // Below the idle timeouts of common app servers (gunicorn 2 s, Node 5 s), so a pooled connection is
            // rarely reused just as the dyno closes it.
            .setKeepAliveTimeout(2),
        new PoolOptions().setHttp1MaxSize(128));
    // The router answers 100 Continue itself once a request passed its checks, and streams the body to the dyno.
    // Cleartext HTTP/2 upgrades are declined: the proxy speaks HTTP/1.1 to dynos and browsers never ask for h2c.
    server = RequestHeadDeadline.serve(vertx, vertx.createHttpServer(new HttpServerOptions()
            .setHandle100ContinueAutomatically(false)
            .setHttp2ClearTextEnabled(false)
            .setMaxInitialLineLength(options.maxHeaderSize())
            .setMaxHeaderSize(options.maxHeaderSize())),
        options.headDeadline(), chain.proxy(client, behindTls));
    return server.listen(port, host);
  }

  @Override
  public Future<?> stop() {
    return server.close().eventually(client::close);
  }

  /** The port this instance listens on, once started. */
  public int port() {
    return server.actualPort();
  }
}
