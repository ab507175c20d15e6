package io.paas.e2e;

import static io.paas.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addons as a user meets them: a Python app whose release phase migrates its DATABASE_URL and whose web process
 * counts in PostgreSQL and Redis and sends mail through SMTP_URL, served through the router; the data outlives a
 * restart of the app and of the platform; another app can neither open its database nor reach its Redis. Its log
 * lines go to a syslog drain and an https drain the test runs; the https one, down for a while, gets the lines that
 * fit the drain's buffer and the rest are counted as dropped.
 */
@TestMethodOrder(OrderAnnotation.class)
class AddonsIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "addons-" + UUID.randomUUID().toString().substring(0, 8);
  static final String OTHER = "other-" + UUID.randomUUID().toString().substring(0, 8);
  /** Lines a drain holds while its receiver is down: small, so an outage overflows it quickly. */
  static final int DRAIN_BUFFER = 20;
  static final String KEYSTORE_PASSWORD = "changeit";
  static SyslogReceiver syslog;
  static LogplexReceiver logplex;
  /** The app's request lines logged before the drains were added, which they never see. */
  static long beforeDrains;

  @BeforeAll
  static void startPlatform() throws Exception {
    Path cert = selfSignedCertificate();
    platform = new Platform(work, "--drain-ca", cert.toString(), "--drain-buffer", String.valueOf(DRAIN_BUFFER));
    platform.start();
    platform.login();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("addons").commit("v1");
    assertThat(repo.paas("apps:create", APP).exit()).isZero();
    for (String service : List.of("postgres", "redis", "smtp")) {
      Result created = repo.paas("addons:create", service);
      assertThat(created.exit()).as(created.all()).isZero();
    }
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.all()).contains("migrated");
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (syslog != null) {
      syslog.close();
      logplex.close();
    }
    if (platform != null) {
      platform.closeWithApps(List.of(APP, OTHER));
    }
  }

  @Test
  @Order(1)
  void theAppCountsInPostgresAndRedisThroughTheRouter() throws Exception {
    assertThat(repo.paas("addons").out()).contains("postgres:mini", "DATABASE_URL", "redis:mini", "REDIS_URL",
        "smtp:mini", "SMTP_URL");
    assertThat(count()).isEqualTo("pg=1 redis=1");
    assertThat(count()).isEqualTo("pg=2 redis=2");

    Result psql = repo.paas("pg:psql", "-c", "SELECT n FROM counter");
    assertThat(psql.exit()).as(psql.all()).isZero();
    assertThat(psql.out()).contains(" 2\n");
    Result redis = repo.paas("redis:cli", "GET", "counter");
    assertThat(redis.exit()).as(redis.all()).isZero();
    assertThat(redis.out().trim()).isEqualTo("2");
    assertThat(repo.paas("pg:info").out()).contains("DATABASE_URL", "Connections");
  }

  @Test
  @Order(2)
  void theDataOutlivesARestartOfTheApp() throws Exception {
    Result restart = repo.paas("ps:restart");
    assertThat(restart.exit()).as(restart.all()).isZero();
    assertThat(count()).isEqualTo("pg=3 redis=3");
  }

  @Test
  @Order(3)
  void theDataOutlivesARestartOfThePlatform() throws Exception {
    platform.stop();
    platform.start();
    await("the counter after the platform restarted", AddonsIT::count, body -> body.startsWith("pg="));
    String after = await("both counters", AddonsIT::count, body -> body.matches("pg=\\d+ redis=\\d+"));
    assertThat(after).matches("pg=[4-9] redis=[4-9]");
  }

  @Test
  @Order(4)
  void mailSentThroughSmtpUrlIsListedAndAWrongPasswordIsRefused() throws Exception {
    String subject = "Hello-" + UUID.randomUUID();
    HttpResponse<String> sent = platform.get(APP + ".localhost", "/mail?subject=" + subject);
    assertThat(sent.body()).isEqualTo("sent");

    await("the mail listed", () -> repo.paas("mail").out(), out -> out.contains(subject));
    HttpResponse<String> refused = platform.get(APP + ".localhost", "/mail?subject=nope&password=wrong-password");
    assertThat(refused.statusCode()).isEqualTo(500);
    assertThat(refused.body()).contains("SMTPAuthenticationError").contains("535");
    assertThat(repo.paas("mail").out()).doesNotContain("nope");
  }

  @Test
  @Order(5)
  void anotherAppCanNeitherOpenTheDatabaseNorReachTheRedis() throws Exception {
    WorkTree other = new WorkTree(platform, work.resolve("other")).copyApp("addons").commit("v1");
    assertThat(other.paas("apps:create", OTHER).exit()).isZero();
    assertThat(other.paas("addons:create", "postgres").exit()).isZero();
    Result push = other.push();
    assertThat(push.exit()).as(push.all()).isZero();
    URI redis = repo.addonUrl("REDIS");

    assertThat(probe(APP, redis)).isEqualTo("open");
    assertThat(probe(OTHER, redis)).startsWith("closed");

    URI mine = repo.addonUrl("DATABASE");
    URI theirs = other.addonUrl("DATABASE");
    Result intoMine = psql(theirs, mine.getPath().substring(1));
    assertThat(intoMine.exit()).as(intoMine.all()).isNotZero();
    assertThat(intoMine.err()).containsAnyOf("no pg_hba.conf entry", "permission denied");
    assertThat(psql(theirs, theirs.getPath().substring(1)).exit()).isZero();
  }

  @Test
  @Order(6)
  void drainsGetTheAppsAndTheRoutersLinesFramedAsSyslog() throws Exception {
    beforeDrains = appLines();
    syslog = new SyslogReceiver();
    logplex = new LogplexReceiver(work.resolve("drain.p12"), KEYSTORE_PASSWORD);
    Result added = repo.paas("drains:add", "syslog://127.0.0.1:" + syslog.port());
    assertThat(added.exit()).as(added.all()).isZero();
    assertThat(added.out()).contains("Successfully added drain syslog://127.0.0.1:" + syslog.port());
    assertThat(repo.paas("drains:add", "https://127.0.0.1:" + logplex.port() + "/logs").exit()).isZero();
    String token = repo.paas("drains").out().lines().filter(line -> line.contains("syslog://"))
        .map(line -> line.split("\\s+")[0]).findFirst().orElseThrow();
    assertThat(token).matches("d\\.[0-9a-f-]{36}");

    count();

    String app = "<190>1 \\S+ " + token + " app web\\.1 - - request .*GET /count.*";
    String router = "<158>1 \\S+ " + token + " heroku router - - at=info method=GET path=\"/count\".*";
    await("the app's and the router's lines at the syslog drain", syslog.messages::toString,
        seen -> syslog.messages.stream().anyMatch(m -> m.matches(app))
            && syslog.messages.stream().anyMatch(m -> m.matches(router)));
    await("the same lines at the https drain", logplex.messages::toString,
        seen -> logplex.messages.stream().anyMatch(m -> m.matches("<190>1 \\S+ d\\.\\S+ app web\\.1 - - request .*"))
            && logplex.messages.stream().anyMatch(m -> m.contains(" heroku router - - at=info method=GET")));
    assertThat(logplex.tokens).allMatch(t -> t.matches("d\\.[0-9a-f-]{36}")).doesNotContain(token);
  }

  @Test
  @Order(7)
  void anHttpsDrainThatWasDownGetsWhatFitItsBufferAndCountsTheRestAsDropped() throws Exception {
    long served = appLines();
    await("the https drain caught up", logplex.messages::toString,
        seen -> logplex.messages.stream().filter(m -> m.contains(" app web.1 - - request ")).count() == served
            && logplex.messages.stream().filter(m -> m.contains("path=\"/count\"")).count() == served);
    int before = logplex.messages.size();
    logplex.stop();
    int requests = 30;
    for (int i = 0; i < requests; i++) {
      assertThat(count()).startsWith("pg=");
    }
    // The app's own lines come through its dyno's log stream, a moment after the router's.
    await("the app's lines of the outage in its log", () -> String.valueOf(appLines()),
        lines -> Long.parseLong(lines) == served + requests);
    logplex.start();

    int kept = DRAIN_BUFFER;
    await("the buffered lines after the outage", () -> String.valueOf(logplex.messages.size() - before),
        delivered -> Integer.parseInt(delivered) >= kept);
    Thread.sleep(3000);
    assertThat(logplex.messages.size() - before).as("lines delivered after the outage").isEqualTo(kept);
    List<String> after = logplex.messages.subList(before, logplex.messages.size());
    // The newest line of the outage is kept: the app's own line for the last request.
    assertThat(after.get(after.size() - 1)).contains(" app web.1 - - request ");
    String drains = repo.paas("drains").out();
    int dropped = 2 * requests - kept;
    assertThat(drains.lines().filter(line -> line.contains("https://127.0.0.1:" + logplex.port())).findFirst()
        .orElseThrow()).endsWith(" " + dropped);
    assertThat(drains.lines().filter(line -> line.contains("syslog://")).findFirst().orElseThrow()).endsWith(" 0");
  }

  @Test
  @Order(8)
  void destroyingAnAppDestroysItsDatabase() throws Exception {
    WorkTree other = new WorkTree(platform, work.resolve("other"));
    URI theirs = other.addonUrl("DATABASE");
    Result refused = other.paas("apps:destroy", OTHER);
    assertThat(refused.err()).contains("with its addons and their data (postgres-");

    Result destroyed = other.paas("apps:destroy", OTHER, "--confirm", OTHER);
    assertThat(destroyed.exit()).as(destroyed.all()).isZero();
    assertThat(psql(theirs, theirs.getPath().substring(1)).exit()).isNotZero();
  }

  /** A certificate for 127.0.0.1, as PEM for the platform (--drain-ca) and PKCS12 for the https receiver. */
  private static Path selfSignedCertificate() throws Exception {
    Path pem = work.resolve("drain.pem");
    Path key = work.resolve("drain.key");
    for (List<String> command : List.of(
        List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", pem.toString()),
        List.of("openssl", "pkcs12", "-export", "-in", pem.toString(), "-inkey", key.toString(), "-out",
            work.resolve("drain.p12").toString(), "-passout", "pass:" + KEYSTORE_PASSWORD))) {
      Process openssl = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(openssl.getInputStream().readAllBytes());
      assertThat(openssl.waitFor()).as(out).isZero();
    }
    return pem;
  }

  /** How many requests for /count the app has logged since the drains were added. */
  private static long appLines() throws Exception {
    return repo.paas("logs", "-n", "1500", "--source", "app").out().lines()
        .filter(line -> line.contains("request ") && line.contains("GET /count")).count() - beforeDrains;
  }

  private static String count() throws Exception {
    return platform.get(APP + ".localhost", "/count").body();
  }

  /** What a dyno of {@code app} gets when it opens a TCP connection to the address of {@code url}. */
  private static String probe(String app, URI url) throws Exception {
    return platform.get(app + ".localhost", "/probe?host=" + url.getHost() + "&port=" + url.getPort()).body();
  }

  /** psql on this machine as the URL's user, into {@code database}. */
  private static Result psql(URI url, String database) throws Exception {
    String[] user = url.getUserInfo().split(":", 2);
    return platform.command(List.of("env", "PGPASSWORD=" + user[1], "PGCONNECT_TIMEOUT=5", "psql", "-h",
        url.getHost(), "-p", String.valueOf(url.getPort()), "-U", user[0], "-d", database, "-c", "SELECT 1"));
  }
}
