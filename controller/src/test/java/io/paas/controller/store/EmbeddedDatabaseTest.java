package io.paas.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

  @Test
  void aKilledServerIsStartedAgainOnItsPortAndThePoolReconnectsToIt() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      Pool pool = Database.pool(vertx, db.url());
      new Migrations(pool).apply().await(30, TimeUnit.SECONDS);
      new UserStore(pool).insert("kept@example.com", "hash", false).await(10, TimeUnit.SECONDS);
      long killed = postmasterPid();

      ProcessHandle.of(killed).orElseThrow().destroyForcibly();

      Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
      // Its backends outlive it for a moment and may still answer: back means another postmaster answering.
      while (!(restartedSince(killed) && answers(pool))) {
        assertThat(Instant.now()).as("PostgreSQL back within a minute").isBefore(deadline);
        Thread.sleep(200);
      }
      assertThat(new UserStore(pool).credentials("kept@example.com").await(10, TimeUnit.SECONDS)).isPresent();
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  private static boolean answers(Pool pool) {
    try {
      pool.query("SELECT 1").execute().await(10, TimeUnit.SECONDS);
      return true;
    } catch (Exception unavailable) {
      return false;
    }
  }

  private boolean restartedSince(long killed) {
    try {
      return postmasterPid() != killed;
    } catch (Exception beingRewritten) {
      return false;
    }
  }

  private long postmasterPid() throws Exception {
    return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
  }
}
