package io.paas.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {
  @Test
  void aRefusedOrLostConnectionOrAServerShuttingDownOrStartingIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new CompletionException(new ConnectException("Connection refused")))).isTrue();
    assertThat(DatabaseOutage.causedBy(ClosedConnectionException.INSTANCE)).isTrue();
    assertThat(DatabaseOutage.causedBy(pg("57P01"))).as("terminating connection").isTrue();
    assertThat(DatabaseOutage.causedBy(pg("57P03"))).as("the database system is starting up").isTrue();
    assertThat(DatabaseOutage.causedBy(pg("08006"))).as("connection failure").isTrue();
  }

  @Test
  void aBugOrABadQueryIsNot() {
    assertThat(DatabaseOutage.causedBy(pg("23505"))).as("unique violation").isFalse();
    assertThat(DatabaseOutage.causedBy(pg("42P01"))).as("undefined table").isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
  }

  private static PgException pg(String sqlState) {
    return new PgException("failed", "FATAL", sqlState, null);
  }
}
