package io.paas.controller.server;

import io.paas.controller.deploy.HttpsHosts;
import io.paas.router.tls.Caddy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands Caddy the names that need HTTPS. A load fails while Caddy restarts after a crash, so a failed one is tried
 * again a second later; names that change meanwhile replace the pending ones, and only the newest set is loaded.
 */
final class CaddyHosts implements HttpsHosts {
  private static final Logger LOG = LoggerFactory.getLogger(CaddyHosts.class);
  private static final long RETRY_MILLIS = 1_000;

  private final Vertx vertx;
  private final Future<Caddy> caddy;
  private Set<String> wanted;
  private boolean loading;

  /** {@code caddy} may still be starting: names given meanwhile are loaded once it runs. */
  CaddyHosts(Vertx vertx, Future<Caddy> caddy) {
    this.vertx = vertx;
    this.caddy = caddy;
  }

  @Override
  public synchronized void serve(Set<String> hostnames) {
    wanted = Set.copyOf(hostnames);
    if (!loading) {
      loading = true;
      load();
    }
  }

  private synchronized void load() {
    Set<String> names = wanted;
    caddy.compose(started -> started.serve(names)).onComplete(done -> loaded(names, done.succeeded() ? null : done.cause()));
  }

  private synchronized void loaded(Set<String> names, Throwable failure) {
    if (failure != null) {
      LOG.warn("Caddy did not take {} host names, trying again: {}", names.size(), failure.getMessage());
      vertx.setTimer(RETRY_MILLIS, timer -> load());
    } else if (!names.equals(wanted)) {
      load();
    } else {
      loading = false;
    }
  }
}
