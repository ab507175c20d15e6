package io.paas.controller.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The control-plane store's connection pool, from a {@code postgresql://} URL. */
public final class Database {
  private Database() {
  }

  public static Pool pool(Vertx vertx, String url) {
    PgConnectOptions connect = PgConnectOptions.fromUri(url).setReconnectAttempts(5).setReconnectInterval(1000);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(8))
        .connectingTo(connect)
        .using(vertx)
        .build();
  }
}
