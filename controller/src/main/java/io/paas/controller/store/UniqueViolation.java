package io.paas.controller.store;

import io.paas.common.ApiException;
import io.vertx.pgclient.PgException;

/** Turns PostgreSQL's unique_violation into the API's 409, so races between two creates answer like a duplicate. */
final class UniqueViolation {
  private UniqueViolation() {
  }

  static Throwable asConflict(Throwable failure, String message) {
    if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
      return ApiException.conflict(message);
    }
    return failure;
  }
}
