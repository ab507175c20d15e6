package io.paas.controller.addons.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * Admin logins to the addon server, one per operation: addon operations are rare and some must run inside the
 * tenant's own database, so a pool would only hold idle superuser sessions.
 */
final class AdminSessions {
  private final Vertx vertx;
  private final PgConnectOptions admin;

  AdminSessions(Vertx vertx, PgConnectOptions admin) {
    this.vertx = vertx;
    this.admin = admin;
  }

  <T> Future<T> maintenance(Function<SqlConnection, Future<T>> work) {
    return in(admin.getDatabase(), work);
  }

  <T> Future<T> in(String database, Function<SqlConnection, Future<T>> work) {
    return PgConnection.connect(vertx, new PgConnectOptions(admin).setDatabase(database))
        .compose(connection -> work.apply(connection).eventually(connection::close));
  }
}
