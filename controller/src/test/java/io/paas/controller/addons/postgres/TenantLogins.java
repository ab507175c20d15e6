package io.paas.controller.addons.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Logs in the way an app would, from the URL an addon's config var holds. */
final class TenantLogins {
  private final Vertx vertx;

  TenantLogins(Vertx vertx) {
    this.vertx = vertx;
  }

  PgConnection login(String url) throws Exception {
    return attempt(url, UnaryOperator.identity()).await(30, TimeUnit.SECONDS);
  }

  /** The SQLSTATE a login with the URL, changed by {@code change}, is refused with. */
  String refusal(String url, UnaryOperator<PgConnectOptions> change) throws Exception {
    Throwable failure = attempt(url, change).transform(done -> Future.succeededFuture(done.cause()))
        .await(30, TimeUnit.SECONDS);
    if (failure instanceof PgException refused) {
      return refused.getSqlState();
    }
    throw new AssertionError("Expected a refusal, got " + failure);
  }

  private Future<PgConnection> attempt(String url, UnaryOperator<PgConnectOptions> change) {
    return PgConnection.connect(vertx, change.apply(PgConnectOptions.fromUri(url)));
  }
}
