package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.net.http.HttpResponse;
import java.nio.file.Files;
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
 * The walking skeleton as a user lives it: log in, create an app, git push a Dockerfile app, reach it through the
 * router, redeploy under load without a failed request, survive a failing build and a restart, destroy the app.
 * The steps share one platform and run in order.
 */
@TestMethodOrder(OrderAnnotation.class)
class GitPushIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(work, "--max-push-size", "1");
    platform.start();
    repo = new WorkTree(platform, work.resolve("app"));
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  @Order(1)
  void logInAndCreateTheAppFromInsideTheWorkTree() throws Exception {
    Result login = platform.paas(repo.dir, Platform.ADMIN_PASSWORD + "\n", "login", "--api-url", platform.apiUrl(),
        "--email", Platform.ADMIN_EMAIL, "--password-stdin");
    assertThat(login.exit()).as(login.all()).isZero();
    assertThat(login.out()).contains("Logged in as " + Platform.ADMIN_EMAIL);

    writeApp("hello v1");
    repo.commit("v1");

    Result create = repo.paas("apps:create", APP);
    assertThat(create.exit()).as(create.all()).isZero();
    assertThat(create.out()).contains("Creating " + APP);
    assertThat(platform.git(repo.dir, "remote", "get-url", "paas").out().trim())
        .isEqualTo(platform.apiUrl() + "/git/" + APP + ".git");

    Result info = repo.paas("apps:info");
    assertThat(info.exit()).as(info.all()).isZero();
    assertThat(info.out()).contains(APP).contains(Platform.ADMIN_EMAIL);
    assertThat(platform.get(APP).statusCode()).as("no release yet").isEqualTo(503);
  }

  @Test
  @Order(2)
  void gitPushBuildsReleasesAndTheRouterServesTheApp() throws Exception {
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("remote: -----> Building " + APP).contains("remote: -----> Released v1");

    HttpResponse<String> response = platform.get(APP);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("hello v1");
  }

  @Test
  @Order(3)
  void aSecondDeployUnderLoadDropsNoRequest() throws Exception {
    writeApp("hello v2");
    repo.commit("v2");
    RequestLoop load = RequestLoop.start(platform, APP, 1, body -> body.contains("hello v"));
    Result push;
    try (load) {
      push = repo.push();
      Thread.sleep(500);
    }
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("remote: -----> Released v2");
    assertThat(platform.get(APP).body()).contains("hello v2");
    assertThat(load.failures()).as("failed requests during the deploy").isEmpty();
    assertThat(load.served()).as("requests served during the deploy").isGreaterThan(20);
  }

  @Test
  @Order(4)
  void aFailingBuildRejectsThePushAndTheRunningReleaseKeepsServing() throws Exception {
    repo.write("Dockerfile", dockerfile() + "RUN echo about to fail && exit 7\n").commit("broken");
    Result push = repo.push();
    assertThat(push.exit()).isNotZero();
    assertThat(push.err()).contains("remote rejected").contains("about to fail");
    assertThat(platform.get(APP).body()).contains("hello v2");
    repo.undoLastCommit();
  }

  @Test
  @Order(5)
  void aPushOverTheSizeLimitIsRefusedCleanly() throws Exception {
    byte[] noise = new byte[3 * 1024 * 1024];
    new java.util.Random(42).nextBytes(noise);
    Files.write(repo.dir.resolve("big.bin"), noise);
    repo.commit("too big");
    Result push = repo.push();
    assertThat(push.exit()).isNotZero();
    assertThat(push.err()).contains("remote: This push is larger than the 1 MB a push may be.");
    assertThat(platform.get(APP).body()).contains("hello v2");
    repo.undoLastCommit();
    assertThat(platform.api("GET", "/health", null, null).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(6)
  void pushesWithoutTheRightToReachAnAppAreRefused() throws Exception {
    Result unknown = platform.git(repo.dir, "push", platform.apiUrl() + "/git/no-such-app-" + APP + ".git", "main");
    assertThat(unknown.exit()).isNotZero();
    assertThat(unknown.err()).containsIgnoringCase("not found");

    String badToken = platform.apiUrl().replace("http://", "http://x:wrong-token@") + "/git/" + APP + ".git";
    Result wrongToken = platform.git(repo.dir, "-c", "credential.helper=", "push", badToken, "main");
    assertThat(wrongToken.exit()).isNotZero();
    assertThat(wrongToken.err()).containsIgnoringCase("Authentication failed");

    String adminToken = loginToken(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
    String bob = "bob-" + APP + "@example.com";
    assertThat(platform.api("POST", "/users", adminToken,
        "{\"email\":\"" + bob + "\",\"password\":\"bob-password-1\"}").statusCode()).isEqualTo(201);
    String bobToken = loginToken(bob, "bob-password-1");
    assertThat(platform.api("GET", "/apps/" + APP, bobToken, null).statusCode()).isEqualTo(404);
    String asBob = platform.apiUrl().replace("http://", "http://bob:" + bobToken + "@") + "/git/" + APP + ".git";
    Result bobPush = platform.git(repo.dir, "-c", "credential.helper=", "push", asBob, "main");
    assertThat(bobPush.exit()).isNotZero();
    assertThat(bobPush.err()).containsIgnoringCase("not found");
    assertThat(platform.get(APP).body()).contains("hello v2");
  }

  @Test
  @Order(7)
  void aRestartOnTheSameDataDirBringsTheAppBackWithoutAPush() throws Exception {
    platform.stop();
    platform.start();
    HttpResponse<String> response = platform.get(APP);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("hello v2");
    String token = loginToken(Platform.ADMIN_EMAIL, Platform.ADMIN_PASSWORD);
    String releases = platform.api("GET", "/apps/" + APP + "/releases", token, null).body();
    assertThat(releases).contains("\"name\":\"v1\"").contains("\"name\":\"v2\"").doesNotContain("\"name\":\"v3\"");
  }

  @Test
  @Order(8)
  void destroyingTheAppStopsItsDynosAndRemovesItsRoute() throws Exception {
    Result refused = repo.paas("apps:destroy", APP);
    assertThat(refused.exit()).isNotZero();
    assertThat(platform.get(APP).statusCode()).isEqualTo(200);

    Path bareRepo = platform.dataDir.resolve("repos/" + APP + ".git");
    assertThat(bareRepo).isDirectory();
    Result destroy = repo.paas("apps:destroy", APP, "--confirm", APP);
    assertThat(destroy.exit()).as(destroy.all()).isZero();
    assertThat(platform.get(APP).statusCode()).isEqualTo(404);
    assertThat(bareRepo).doesNotExist();
    Result containers = platform.docker("ps", "-aq", "--filter", "label=paas.agent=" + platform.agentName(),
        "--filter", "label=paas.app=" + APP);
    assertThat(containers.out().trim()).as("containers left").isEmpty();
    assertThat(platform.docker("images", "-q", "paas/" + APP).out().trim()).as("images left").isEmpty();
  }

  private static String loginToken(String email, String password) throws Exception {
    HttpResponse<String> login = platform.api("POST", "/auth/login", null,
        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    return new io.vertx.core.json.JsonObject(login.body()).getString("token");
  }

  private static String dockerfile() {
    return "FROM paas/busybox:latest\nCOPY index.html /www/index.html\nCMD exec httpd -f -p $PORT -h /www\n";
  }

  private static void writeApp(String body) throws Exception {
    repo.write("Dockerfile", dockerfile()).write("index.html", body + "\n");
  }
}
