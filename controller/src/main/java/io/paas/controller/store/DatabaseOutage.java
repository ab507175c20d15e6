package io.paas.controller.store;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;

/**
 * Tells a failure that came from the store being unreachable (its server down or restarting) from any other: the
 * caller may retry it in a moment, where any other failure is a bug or a bad request.
 */
public final class DatabaseOutage {
  private DatabaseOutage() {
  }

  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof ClosedConnectionException
          || cause instanceof DatabaseException db && unavailable(db.getSqlState())) {
        return true;
      }
    }
    return false;
  }

  /** SQLSTATE class 08, connection exceptions, and 57P01-57P03: shutting down, crashed, starting up. */
  private static boolean unavailable(String sqlState) {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.matches("57P0[123]"));
  }
}
