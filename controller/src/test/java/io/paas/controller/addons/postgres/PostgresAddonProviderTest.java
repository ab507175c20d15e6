package io.paas.controller.addons.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.addons.AddonInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Addons on a real embedded addon server, shared by the tests; each test names its own addons. */
class PostgresAddonProviderTest {
  private static final AtomicInteger IDS = new AtomicInteger();
  private static final String WRONG_HBA_ENTRY = "28000";

  @TempDir
  static Path dir;
  private static Vertx vertx;
  private static EmbeddedAddonPostgres server;
  private static PostgresAddonProvider provider;
  private static TenantLogins tenants;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    server = EmbeddedAddonPostgres.start(dir, "127.0.0.1", 0);
    provider = new PostgresAddonProvider(vertx, server);
    tenants = new TenantLogins(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
    server.close();
  }

  @Test
  void eachRoleReachesOnlyTheDatabaseNamedLikeIt() throws Exception {
    AddonInstance a = addon("mini");
    AddonInstance b = addon("basic");
    String urlA = provision(a);
    String urlB = provision(b);
    String nameA = PostgresNames.of(a.name());
    String nameB = PostgresNames.of(b.name());

    assertThat(urlA).matches("postgres://" + nameA + ":[A-Za-z0-9_-]{32,}@127\\.0\\.0\\.1:"
        + server.tenantAddress().port() + "/" + nameA);
    PgConnection connection = tenants.login(urlA);
    connection.query("CREATE TABLE notes (body text); INSERT INTO notes VALUES ('hello')").execute()
        .await(10, TimeUnit.SECONDS);
    connection.close().await(10, TimeUnit.SECONDS);

    assertThat(tenants.refusal(urlA, options -> options.setDatabase(nameB))).isEqualTo(WRONG_HBA_ENTRY);
    assertThat(tenants.refusal(urlB, options -> options.setDatabase(nameA))).isEqualTo(WRONG_HBA_ENTRY);
  }

  @Test
  void theRoleHasThePlansConnectionLimitAndItsDatabaseIsClosedToOthers() throws Exception {
    AddonInstance a = addon("standard");
    AddonInstance other = addon("mini");
    provision(a);
    provision(other);
    String name = PostgresNames.of(a.name());

    Row role = adminQuery("postgres", """
        SELECT rolconnlimit, rolsuper, rolcreatedb, rolcreaterole,
               has_database_privilege($2, $1, 'CONNECT') AS others_connect
        FROM pg_roles WHERE rolname = $1""", name, PostgresNames.of(other.name()));
    assertThat(role.getInteger("rolconnlimit")).isEqualTo(120);
    assertThat(role.getBoolean("rolsuper") || role.getBoolean("rolcreatedb") || role.getBoolean("rolcreaterole"))
        .isFalse();
    assertThat(role.getBoolean("others_connect")).isFalse();

    Row schema = adminQuery(name, """
        SELECT pg_get_userbyid(nspowner) AS owner, has_schema_privilege($1, 'public', 'CREATE') AS others_create
        FROM pg_namespace WHERE nspname = 'public'""", PostgresNames.of(other.name()));
    assertThat(schema.getString("owner")).isEqualTo(name);
    assertThat(schema.getBoolean("others_create")).isFalse();
  }

  @Test
  void deprovisionEndsSessionsDropsDatabaseAndRoleAndMayRunAgain() throws Exception {
    AddonInstance a = addon("mini");
    String url = provision(a);
    PgConnection open = tenants.login(url);
    open.exceptionHandler(terminated -> { });
    String name = PostgresNames.of(a.name());

    provider.deprovision(a, Map.of("url", url)).await(30, TimeUnit.SECONDS);

    assertThat(leftOf(name)).isZero();
    provider.deprovision(a, Map.of("url", url)).await(30, TimeUnit.SECONDS);
    open.close();
  }

  @Test
  void aFailedProvisionRemovesWhatItMadeAndKeepsWhatWasThere() throws Exception {
    AddonInstance a = addon("mini");
    String name = PostgresNames.of(a.name());
    admin("postgres", "CREATE DATABASE " + TenantSql.identifier(name));

    Throwable failure = provider.provision(a).transform(done -> Future.succeededFuture(done.cause()))
        .await(30, TimeUnit.SECONDS);

    assertThat(failure).hasMessageContaining("already exists");
    assertThat(adminQuery("postgres", "SELECT count(*) FROM pg_roles WHERE rolname = $1", name).getLong(0)).isZero();
    assertThat(adminQuery("postgres", "SELECT count(*) FROM pg_database WHERE datname = $1", name).getLong(0))
        .isOne();
  }

  @Test
  void infoTellsPlanSizeConnectionsAndVersionAndNoSecret() throws Exception {
    AddonInstance a = addon("mini");
    String url = provision(a);
    PgConnection open = tenants.login(url);

    Map<String, String> info = provider.info(a, Map.of("url", url)).await(30, TimeUnit.SECONDS);
    open.close().await(10, TimeUnit.SECONDS);

    assertThat(info).containsEntry("plan", "mini").containsEntry("connections", "1/20").doesNotContainKey("warning");
    assertThat(info.get("data_size")).matches("\\d+ (kB|MB)");
    assertThat(info.get("version")).startsWith("PostgreSQL 14.");
    String password = PgConnectOptions.fromUri(url).getPassword();
    assertThat(info.values()).noneMatch(value -> value.contains(password));
  }

  @Test
  void anExternalServerIsUsedThroughItsAdminUrl() throws Exception {
    PgConnectOptions admin = server.admin();
    String adminUrl = "postgres://" + admin.getUser() + ":" + admin.getPassword() + "@" + admin.getHost() + ":"
        + admin.getPort() + "/postgres";
    PostgresAddonProvider external = new PostgresAddonProvider(vertx, new ExternalAddonPostgres(adminUrl));
    AddonInstance a = addon("mini");

    String url = external.provision(a).await(30, TimeUnit.SECONDS).get("url");

    assertThat(url).contains("@" + admin.getHost() + ":" + admin.getPort() + "/");
    tenants.login(url).close().await(10, TimeUnit.SECONDS);
    external.deprovision(a, Map.of("url", url)).await(30, TimeUnit.SECONDS);
  }

  @Test
  void theServerRunsDurablyWithOurHbaFileAndKeepsOnlyScramVerifiers() throws Exception {
    AddonInstance a = addon("mini");
    provision(a);

    Row settings = adminQuery("postgres", """
        SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit,
               current_setting('password_encryption') AS password_encryption, current_setting('hba_file') AS hba,
               (SELECT rolpassword FROM pg_authid WHERE rolname = $1) AS verifier""", PostgresNames.of(a.name()));
    assertThat(settings.getString("fsync")).isEqualTo("on");
    assertThat(settings.getString("synchronous_commit")).isEqualTo("on");
    assertThat(settings.getString("password_encryption")).isEqualTo("scram-sha-256");
    assertThat(settings.getString("hba")).isEqualTo(dir.resolve("pg_hba.conf").toString());
    assertThat(settings.getString("verifier")).startsWith("SCRAM-SHA-256$4096:");
  }

  private static AddonInstance addon(String plan) {
    int id = IDS.incrementAndGet();
    return new AddonInstance("postgres-test-" + id, "app-" + id, "postgres", plan);
  }

  private static String provision(AddonInstance addon) throws Exception {
    return provider.provision(addon).await(30, TimeUnit.SECONDS).get("url");
  }

  private static long leftOf(String name) throws Exception {
    return adminQuery("postgres", """
        SELECT (SELECT count(*) FROM pg_roles WHERE rolname = $1)
             + (SELECT count(*) FROM pg_database WHERE datname = $1)
             + (SELECT count(*) FROM pg_stat_activity WHERE usename = $1)""", name).getLong(0);
  }

  private static Row adminQuery(String database, String sql, Object... parameters) throws Exception {
    return admin(database, sql, parameters).iterator().next();
  }

  private static RowSet<Row> admin(String database, String sql, Object... parameters) throws Exception {
    return new AdminSessions(vertx, server.admin())
        .in(database, connection -> connection.preparedQuery(sql).execute(Tuple.from(parameters)))
        .await(30, TimeUnit.SECONDS);
  }
}
