package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Releases as a user lives them: a Procfile app with a release phase, config vars that restart it, a rollback that
 * brings back the old code and config, logs followed live, and the refusals for bad input.
 */
@TestMethodOrder(OrderAnnotation.class)
class ReleasesIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "rel-" + UUID.randomUUID().toString().substring(0, 8);
  static final String SECRET = "s3cr3t-" + UUID.randomUUID();

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(work);
    platform.start();
    platform.login();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("release-phase").commit("v1");
    assertThat(repo.paas("apps:create", APP).exit()).isZero();
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  @Order(1)
  void theReleasePhaseRunsBeforeTheProcfilesWebProcessServes() throws Exception {
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("Running release command").contains("release phase for v1")
        .contains("Released v1");
    assertThat(platform.get(APP).body()).isEqualTo("v1 greeting=\n");
  }

  @Test
  @Order(2)
  void configSetRestartsTheAppWithTheNewValue() throws Exception {
    Result set = repo.paas("config:set", "GREETING=hello world", "API_KEY=" + SECRET);
    assertThat(set.exit()).as(set.all()).isZero();
    assertThat(platform.get(APP).body()).isEqualTo("v1 greeting=hello world\n");
    assertThat(repo.paas("config:get", "GREETING").out()).isEqualTo("hello world\n");
    assertThat(repo.paas("config").out()).contains("GREETING").contains("hello world");
  }

  @Test
  @Order(3)
  void aNewPushKeepsTheConfig() throws Exception {
    Result push = repo.write("body.txt", "v3\n").commit("v3").push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("Released v3");
    assertThat(platform.get(APP).body()).isEqualTo("v3 greeting=hello world\n");
  }

  @Test
  @Order(4)
  void rollbackToV1ServesV1sCodeAndConfig() throws Exception {
    Result rollback = repo.paas("releases:rollback", "v1");
    assertThat(rollback.exit()).as(rollback.all()).isZero();
    assertThat(platform.get(APP).body()).isEqualTo("v1 greeting=\n");
    Result releases = repo.paas("releases");
    assertThat(releases.out()).contains("v4").contains("Rollback to v1").contains("Set GREETING, API_KEY config vars");
    assertThat(repo.paas("config:get", "GREETING").out().trim()).isEmpty();
  }

  @Test
  @Order(5)
  void aFailingReleasePhaseStopsTheDeployAndTheOldReleaseKeepsServing() throws Exception {
    Result push = repo.write("body.txt", "v5\n").write("release.sh", "echo migration broke\nexit 3\n")
        .commit("broken release phase").push();
    assertThat(push.exit()).isNotZero();
    assertThat(push.err()).contains("migration broke").contains("exit status 3").contains("remote rejected");
    assertThat(platform.get(APP).body()).isEqualTo("v1 greeting=\n");
    repo.undoLastCommit();
  }

  @Test
  @Order(6)
  void logsTailShowsWhatTheAppPrintsAfterTheCommandStarted() throws Exception {
    long started = System.currentTimeMillis() / 1000;
    Process tail = platform.paasInBackground(repo.dir, "logs", "--tail", "--source", "app", "--dyno", "web");
    CompletableFuture<String> fresh = CompletableFuture.supplyAsync(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(tail.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          int tick = line.indexOf("app[web.1]: tick ");
          if (tick > 0 && Long.parseLong(line.substring(tick + 17).trim()) > started + 1) {
            return line;
          }
        }
        return "";
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try {
      assertThat(fresh.get(30, TimeUnit.SECONDS)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ app\\[web\\.1\\]: tick \\d+");
    } finally {
      tail.destroy();
      tail.waitFor(10, TimeUnit.SECONDS);
    }
    Result platformLog = repo.paas("logs", "-n", "200", "--source", "platform");
    assertThat(platformLog.out()).contains("app[api]: Release v2 created by user " + Platform.ADMIN_EMAIL);
  }

  @Test
  @Order(7)
  void configValuesNeverShowInReleasesOrLogs() throws Exception {
    assertThat(repo.paas("releases:info", "v2").out()).contains("API_KEY").doesNotContain(SECRET);
    assertThat(repo.paas("releases").all()).doesNotContain(SECRET);
    assertThat(repo.paas("logs", "-n", "1500").all()).doesNotContain(SECRET);
  }

  @Test
  @Order(8)
  void badInputIsRefusedWithAClearMessage() throws Exception {
    Result lower = repo.paas("config:set", "lower=1");
    assertThat(lower.exit()).isNotZero();
    assertThat(lower.err()).contains("Invalid config var name");
    Result port = repo.paas("config:set", "PORT=1");
    assertThat(port.exit()).isNotZero();
    assertThat(port.err()).contains("PORT is set by the platform");
    Result missing = repo.paas("releases:rollback", "v99");
    assertThat(missing.exit()).isNotZero();
    assertThat(missing.err()).contains("v99");

    Result badProcfile = repo.write("Procfile", "web: true\nthis line has no colon\n").commit("bad Procfile").push();
    assertThat(badProcfile.exit()).isNotZero();
    assertThat(badProcfile.err()).contains("Procfile").contains("line 2");
    repo.undoLastCommit();
    assertThat(platform.get(APP).body()).isEqualTo("v1 greeting=\n");
  }
}
