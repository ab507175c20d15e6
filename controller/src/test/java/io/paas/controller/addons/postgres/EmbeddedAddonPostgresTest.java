package io.paas.controller.addons.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.addons.AddonInstance;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedAddonPostgresTest {
  private static final String WRONG_PASSWORD = "28P01";
  private final Vertx vertx = Vertx.vertx();
  private final TenantLogins logins = new TenantLogins(vertx);
  private final AddonInstance addon = new AddonInstance("postgres-kept-1", "app", "postgres", "mini");

  @TempDir
  Path dir;

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void comesBackOnTheSameDataDirWithTheSameAdminPasswordPortAndData() throws Exception {
    String url;
    String password;
    int port;
    try (EmbeddedAddonPostgres server = EmbeddedAddonPostgres.start(dir, "127.0.0.1", 0)) {
      url = new PostgresAddonProvider(vertx, server).provision(addon).await(30, TimeUnit.SECONDS).get("url");
      PgConnection connection = logins.login(url);
      connection.query("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')").execute()
          .await(10, TimeUnit.SECONDS);
      connection.close().await(10, TimeUnit.SECONDS);
      password = server.admin().getPassword();
      port = server.tenantAddress().port();
    }
    Path passwordFile = dir.resolve("admin-password");
    assertThat(Files.getPosixFilePermissions(passwordFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(passwordFile)).isEqualTo(password);

    try (EmbeddedAddonPostgres server = EmbeddedAddonPostgres.start(dir, "127.0.0.1", 0)) {
      assertThat(server.admin().getPassword()).isEqualTo(password);
      assertThat(server.tenantAddress().port()).isEqualTo(port);
      PgConnection connection = logins.login(url);
      String kept = connection.query("SELECT body FROM notes").execute().await(10, TimeUnit.SECONDS)
          .iterator().next().getString(0);
      connection.close().await(10, TimeUnit.SECONDS);
      assertThat(kept).isEqualTo("kept");
    }
  }

  @Test
  void isStartedAgainWithItsDataWhenItsPostmasterIsKilled() throws Exception {
    try (EmbeddedAddonPostgres server = EmbeddedAddonPostgres.start(dir, "127.0.0.1", 0)) {
      String url = new PostgresAddonProvider(vertx, server).provision(addon).await(30, TimeUnit.SECONDS).get("url");
      PgConnection connection = logins.login(url);
      connection.query("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('kept')").execute()
          .await(10, TimeUnit.SECONDS);
      connection.close().await(10, TimeUnit.SECONDS);
      ProcessHandle killed = postmaster();

      killed.destroyForcibly();
      killed.onExit().get(10, TimeUnit.SECONDS);

      Instant deadline = Instant.now().plusSeconds(30);
      String kept = null;
      while (kept == null) {
        try {
          PgConnection again = logins.login(url);
          kept = again.query("SELECT body FROM notes").execute().await(10, TimeUnit.SECONDS)
              .iterator().next().getString(0);
          again.close().await(10, TimeUnit.SECONDS);
        } catch (Exception refused) {
          assertThat(Instant.now()).as("back within 30 s: %s", refused.getMessage()).isBefore(deadline);
          Thread.sleep(200);
        }
      }
      assertThat(kept).isEqualTo("kept");
      assertThat(postmaster().pid()).isNotEqualTo(killed.pid());
    }
  }

  private ProcessHandle postmaster() throws Exception {
    long pid = Long.parseLong(Files.readAllLines(dir.resolve("pgdata/postmaster.pid")).get(0).trim());
    return ProcessHandle.of(pid).orElseThrow();
  }

  @Test
  void everyTcpLoginNeedsTheRightPassword() throws Exception {
    try (EmbeddedAddonPostgres server = EmbeddedAddonPostgres.start(dir, "127.0.0.1", 0)) {
      String url = new PostgresAddonProvider(vertx, server).provision(addon).await(30, TimeUnit.SECONDS).get("url");

      assertThat(logins.refusal(url, options -> options.setPassword("wrong"))).isEqualTo(WRONG_PASSWORD);
      assertThat(logins.refusal(url, options -> options.setUser("postgres").setDatabase("postgres")
          .setPassword("wrong"))).isEqualTo(WRONG_PASSWORD);
    }
  }
}
