package io.paas.controller.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {
  private static final String WRONG_PASSWORD = "28P01";
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
  void everyLoginNeedsTheSuperusersPasswordWhichOnlyTheServersUserCanRead() throws Exception {
    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      PgConnectOptions right = PgConnectOptions.fromUri(db.url());
      Path passwordFile = dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE);
      assertThat(Files.readString(passwordFile)).isEqualTo(right.getPassword());
      assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));

      // Trust, as before, would let this one in.
      assertThat(refusal(new PgConnectOptions(right).setPassword("wrong"))).isEqualTo(WRONG_PASSWORD);
      assertThat(answers(Database.pool(vertx, db.url()))).isTrue();
    }
  }

  @Test
  void aDataDirThatTrustedLocalLoginsGetsAPasswordAndKeepsItsData() throws Exception {
    // As a version before passwords left it: initdb's configuration, which trusts local connections.
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres"))
        .setCleanDataDirectory(false).setOverrideWorkingDirectory(dataDir.resolve("postgres-bin").toFile()).start();
        Connection connection = old.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE kept (note text); INSERT INTO kept VALUES ('from before')");
    }

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      PgConnectOptions right = PgConnectOptions.fromUri(db.url());
      assertThat(right.getPassword()).isNotBlank();
      assertThat(refusal(new PgConnectOptions(right).setPassword("wrong"))).isEqualTo(WRONG_PASSWORD);
      Pool pool = Database.pool(vertx, db.url());
      assertThat(pool.query("SELECT note FROM kept").execute().await(10, TimeUnit.SECONDS).iterator().next()
          .getString(0)).isEqualTo("from before");
      pool.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aNewDataDirGetsANewPasswordWhateverFileARestoreLeftBesideIt() throws Exception {
    Files.writeString(dataDir.resolve(EmbeddedDatabase.PASSWORD_FILE), "the-password-of-another-data-dir");

    try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
      assertThat(PgConnectOptions.fromUri(db.url()).getPassword()).isNotEqualTo("the-password-of-another-data-dir");
      assertThat(answers(Database.pool(vertx, db.url()))).isTrue();
    }
  }

  /** The SQLSTATE a login with these options is refused with. */
  private String refusal(PgConnectOptions options) {
    try {
      PgConnection.connect(vertx, options).await(10, TimeUnit.SECONDS).close().await(10, TimeUnit.SECONDS);
      return "accepted";
    } catch (PgException e) {
      return e.getSqlState();
    } catch (Exception e) {
      return e.toString();
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
