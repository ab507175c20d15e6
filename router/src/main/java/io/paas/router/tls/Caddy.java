package io.paas.router.tls;

import io.paas.common.process.FreePort;
import io.paas.common.process.RestartBackoff;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caddy in front of the router: HTTPS for the served host names, proxied to the router's plain HTTP port, and plain
 * HTTP redirected to HTTPS.
 *
 * <p>Caddy runs as a child process and gets all of its configuration through its admin API. If it dies it is started
 * again, after a backoff, and given the served names again.
 *
 * <p>Operations run one at a time, in the order they were asked for, on one Vert.x context, which is also the only
 * place the fields below change.
 */
public final class Caddy {
  /** Where, under its data dir, Caddy keeps the root of its internal CA: the file users and tests trust. */
  public static final Path ROOT_CERTIFICATE = Path.of("caddy", "pki", "authorities", "local", "root.crt");

  private static final Logger LOG = LoggerFactory.getLogger(Caddy.class);

  private final Vertx vertx;
  private final Context context;
  private final CaddyOptions options;
  private final HttpClient client;
  private final RestartBackoff backoff = new RestartBackoff();
  private Future<Void> queue = Future.succeededFuture();
  private Set<String> served = Set.of();
  /** Null while caddy is down. */
  private Running running;
  private long restartTimer = -1;
  private boolean stopped;

  private record Running(CaddyProcess process, CaddyAdmin admin, CaddyConfig config) {
    Future<Void> load(Set<String> names) {
      return admin.load(config.serving(names));
    }
  }

  private Caddy(Vertx vertx, CaddyOptions options) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    // A load restarts Caddy's admin server, closing the connection it came on: no connection is worth keeping.
    this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  /**
   * Starts caddy serving no names yet. Fails, leaving nothing running, if caddy cannot start or cannot take its
   * ports.
   */
  public static Future<Caddy> start(Vertx vertx, CaddyOptions options) {
    Caddy caddy = new Caddy(vertx, options);
    return caddy.serially(caddy::launch)
        .map(caddy)
        .recover(failure -> caddy.client.close().transform(closed -> Future.failedFuture(failure)));
  }

  /**
   * Serves exactly these host names from now on. Completes once Caddy has the config; Caddy then gets the names'
   * certificates in the background (from its internal CA within moments, from ACME once the CA has checked the name),
   * and a name fails TLS handshakes until its certificate is there.
   *
   * <p>Fails, and the names served before stay served, if a name is not a host name, if Caddy rejects the config
   * (with Caddy's message) or if caddy is down, being restarted.
   */
  public Future<Void> serve(Set<String> hostnames) {
    Set<String> names = Set.copyOf(hostnames);
    return serially(() -> running().load(names).onSuccess(loaded -> served = names));
  }

  /** The PEM of the root of Caddy's internal CA, which certifies every name ACME does not. */
  public Future<String> rootCertificatePem() {
    return serially(() -> running().admin().rootCertificatePem());
  }

  /** Stops caddy (and does not restart it); completes once the process is gone. */
  public Future<Void> stop() {
    return serially(() -> {
      stopped = true;
      vertx.cancelTimer(restartTimer);
      Future<Void> gone = running == null ? Future.succeededFuture() : running.process().stop();
      running = null;
      return gone.eventually(client::close);
    });
  }

  /** Starts a caddy, waits for its admin API and loads the served names into it; on failure leaves nothing behind. */
  private Future<Void> launch() {
    if (stopped) {
      return Future.failedFuture("caddy was stopped");
    }
    CaddyConfig config = new CaddyConfig(options, FreePort.pick());
    return CaddyProcess.start(context, options.dataDir(), config.bootstrap()).compose(process -> {
      Running launched = new Running(process, new CaddyAdmin(vertx, client, config.adminPort()), config);
      return launched.admin().awaitReady(process.exited())
          .compose(ready -> launched.load(served))
          .onSuccess(loaded -> {
            running = launched;
            process.exited().onSuccess(status -> restartLater(process.uptime(), "exited with status " + status));
          })
          .recover(failure -> process.stop().transform(gone -> Future.failedFuture(failure)));
    });
  }

  private void restartLater(Duration uptime, String why) {
    if (stopped) {
      return;
    }
    running = null;
    Duration delay = backoff.after(uptime);
    LOG.warn("caddy {}; starting it again in {} ms", why, delay.toMillis());
    restartTimer = vertx.setTimer(delay.toMillis(), timer -> serially(this::launch)
        .onSuccess(started -> LOG.info("caddy is back, serving {} names", served.size()))
        .onFailure(failure -> restartLater(Duration.ZERO, "did not start: " + failure.getMessage())));
  }

  private Running running() {
    if (running == null) {
      throw new IllegalStateException(stopped ? "caddy was stopped" : "caddy is down and being restarted");
    }
    return running;
  }

  /** Runs the task after every task asked for before it has completed, on the context. */
  private <T> Future<T> serially(Supplier<Future<T>> task) {
    Promise<T> result = Promise.promise();
    context.runOnContext(now -> {
      // transform turns an exception the task throws into a failed future
      Future<T> next = queue.transform(previous -> task.get());
      queue = next.<Void>mapEmpty().otherwiseEmpty();
      next.onComplete(result);
    });
    return result.future();
  }
}
