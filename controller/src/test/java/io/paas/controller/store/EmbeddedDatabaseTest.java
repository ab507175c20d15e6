package io.paas.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
  private final Vertx vertx = Vertx.vertx();

  @TempDir
  Path dataDir;

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void dataAndMigrationsSurviveARestartOnTheSameDataDir() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      Pool pool = Database.pool(vertx, db.url());
      assertThat(new Migrations(pool).apply().await(30, TimeUnit.SECONDS)).isGreaterThan(0);
      new UserStore(pool).insert("kept@example.com", "hash", false).await(10, TimeUnit.SECONDS);
      pool.close().await(10, TimeUnit.SECONDS);
    }
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      Pool pool = Database.pool(vertx, db.url());
      assertThat(new Migrations(pool).apply().await(30, TimeUnit.SECONDS)).isZero();
      assertThat(new UserStore(pool).credentials("kept@example.com").await(10, TimeUnit.SECONDS)).isPresent();
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }
}
