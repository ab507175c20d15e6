package io.paas.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.controller.store.Database;
import io.paas.controller.store.EmbeddedDatabase;
import io.paas.controller.store.Migrations;
import io.paas.controller.store.TokenStore;
import io.paas.controller.store.UserStore;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminSeederTest {
  private final Vertx vertx = Vertx.vertx();
  private EmbeddedDatabase db;
  private Accounts accounts;
  private AdminSeeder seeder;

  @TempDir
  Path dataDir;

  @BeforeEach
  void start() throws Exception {
    db = EmbeddedDatabase.start(dataDir);
    Pool pool = Database.pool(vertx, db.url());
    new Migrations(pool).apply().await(30, TimeUnit.SECONDS);
    UserStore users = new UserStore(pool);
    accounts = new Accounts(vertx, users, new ApiTokens(new TokenStore(pool), Duration.ofDays(30)),
        new LoginLimiter(LoginLimiter.ACCOUNTS, LoginLimiter.ADDRESSES, InstantSource.system()));
    seeder = new AdminSeeder(accounts, users, dataDir);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    db.close();
  }

  @Test
  void withoutAPasswordOneIsGeneratedPrintedOnceAndKeptForTheOwnerOnly() throws Exception {
    String line = seeder.seed(Map.of()).await(30, TimeUnit.SECONDS);

    Matcher printed = Pattern.compile("password (\\S+) ").matcher(line);
    assertThat(printed.find()).as(line).isTrue();
    Path file = dataDir.resolve(AdminSeeder.CREDENTIALS_FILE);
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(file)).contains("email=admin@localhost").contains("password=" + printed.group(1));
    assertThat(accounts.login("admin@localhost", printed.group(1), "127.0.0.1").await(30, TimeUnit.SECONDS).secret())
        .startsWith("paas_");

    assertThat(seeder.seed(Map.of()).await(30, TimeUnit.SECONDS)).as("second start prints nothing").isNull();
  }

  @Test
  void theEnvironmentNamesTheAdminAndTheLineNeverShowsThePassword() throws Exception {
    String line = seeder.seed(Map.of("PAAS_ADMIN_EMAIL", "Ops@Example.com", "PAAS_ADMIN_PASSWORD", "s3cret-enough"))
        .await(30, TimeUnit.SECONDS);

    assertThat(line).contains("ops@example.com").doesNotContain("s3cret-enough");
    assertThat(dataDir.resolve(AdminSeeder.CREDENTIALS_FILE)).doesNotExist();
    assertThat(accounts.login("ops@example.com", "s3cret-enough", "127.0.0.1").await(30, TimeUnit.SECONDS).secret())
        .isNotBlank();
  }

  @Test
  void aPasswordFromTheEnvironmentThatBreaksTheRulesStopsTheStartAndSaysWhichSetting() {
    assertThatThrownBy(() -> seeder.seed(Map.of("PAAS_ADMIN_PASSWORD", "short")).await(30, TimeUnit.SECONDS))
        .hasMessageContaining("PAAS_ADMIN_PASSWORD").hasMessageContaining("at least 10 characters");
  }
}
