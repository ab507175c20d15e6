package io.paas.controller.store;

import io.vertx.pgclient.PgException;

/**
 * PostgreSQL refuses text with a NUL character (SQLSTATE 22021), which any name, email or path parameter a client
 * sends may carry: it is the client's malformed input, not a fault of the store.
 */
public final class UnstorableText {
  private UnstorableText() {
  }

  public static boolean is(Throwable failure) {
    return failure instanceof PgException pg && "22021".equals(pg.getSqlState());
  }
}
