package io.paas.e2e;

import static io.paas.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The router as users meet it, on a Node app with a health path, a slow path and a WebSocket echo: no request
 * dropped through a deploy, a config change, a scale-down, a restart, a rollback or a killed dyno; timeouts and
 * router lines in the app's log; maintenance mode; HTTPS through Caddy for the app's host and a custom domain; a
 * router started alone that follows the controller's table and keeps serving it while the controller is down.
 */
@TestMethodOrder(OrderAnnotation.class)
class RouterIT {
  private static final String ANSWER = "(hello|hi) from web\\.\\d\\n?";

  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static int httpsPort;
  static int redirectPort;
  static final String APP = "router-" + UUID.randomUUID().toString().substring(0, 8);
  static final String DOMAIN = "www." + APP + ".example.test";

  @BeforeAll
  static void deployTheApp() throws Exception {
    httpsPort = Platform.freePort();
    redirectPort = Platform.freePort();
    platform = new Platform(work, "--https-port", String.valueOf(httpsPort), "--http-redirect-port",
        String.valueOf(redirectPort));
    platform.start();
    platform.login();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("router").commit("v1");
    assertThat(repo.paas("apps:create", APP).exit()).isZero();
    Result settings = repo.paas("apps:settings", "--health-check-path", "/health");
    assertThat(settings.exit()).as(settings.all()).isZero();
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(platform.get(APP).body()).isEqualTo("hello from web.1\n");
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  @Order(1)
  void deployConfigChangeScaleDownRestartAndRollbackDropNoRequest() throws Exception {
    scaleWebTo(3);
    RequestLoop load = RequestLoop.start(platform, APP, 4, body -> body.matches(ANSWER));
    try (load) {
      repo.write("deployed.txt", "v2\n").commit("v2");
      succeeds(repo.push());
      succeeds(repo.paas("config:set", "GREETING=hi"));
      succeeds(repo.paas("ps:scale", "web=1"));
      succeeds(repo.paas("ps:restart"));
      succeeds(repo.paas("releases:rollback"));
      Thread.sleep(500);
    }
    assertThat(load.failures()).as("failed requests").isEmpty();
    assertThat(load.served()).as("requests served").isGreaterThan(100);
    assertThat(load.bodies()).contains("hi from web.1", "hello from web.3");
    assertThat(platform.get(APP).body()).isEqualTo("hello from web.1\n");
  }

  @Test
  @Order(2)
  void killingADynoMidLoadFailsNoGet() throws Exception {
    scaleWebTo(3);
    RequestLoop load = RequestLoop.start(platform, APP, 4, body -> body.matches(ANSWER));
    try (load) {
      Thread.sleep(500);
      Result kill = platform.docker("kill", containerOf("web.2"));
      assertThat(kill.exit()).as(kill.all()).isZero();
      Thread.sleep(3000);
    }
    assertThat(load.failures()).as("failed requests").isEmpty();
    assertThat(load.served()).isGreaterThan(50);
    await("web.2 restarted after its crash", () -> repo.paas("ps").out(), ps -> ps.contains("web.2: up"));
    scaleWebTo(1);
  }

  @Test
  @Order(3)
  void everyRequestLeavesARouterLineInTheAppLog() throws Exception {
    platform.get(APP);
    String log = await("a router line", () -> repo.paas("logs", "-n", "200").out(),
        out -> out.contains("heroku[router]: at=info method=GET path=\"/\""));
    assertThat(log).containsPattern("heroku\\[router]: at=info method=GET path=\"/\" host=" + APP
        + "\\.localhost request_id=\\S+ fwd=\"127\\.0\\.0\\.1\" dyno=web\\.1 connect=\\d+ms service=\\d+ms"
        + " status=200 bytes=\\d+ protocol=http");
  }

  @Test
  @Order(4)
  void aDynoSlowerThanTheAppsTimeoutGetsATimeoutPageAndAnH12Line() throws Exception {
    succeeds(repo.paas("apps:settings", "--request-timeout", "1"));
    try {
      HttpResponse<String> slow = platform.get(APP + ".localhost", "/slow?ms=4000");
      assertThat(slow.statusCode()).isEqualTo(504);
      assertThat(slow.body()).contains("Request timeout");
      await("an H12 line", () -> repo.paas("logs", "-n", "200", "-s", "router").out(),
          out -> out.contains("at=error code=H12 desc=\"Request timeout\" method=GET path=\"/slow?ms=4000\""));
      assertThat(platform.get(APP + ".localhost", "/slow?ms=200").statusCode()).isEqualTo(200);
    } finally {
      succeeds(repo.paas("apps:settings", "--request-timeout", "30"));
    }
  }

  @Test
  @Order(5)
  void maintenanceModeAnswersAMaintenancePageWithoutTouchingTheDynos() throws Exception {
    succeeds(repo.paas("maintenance:on"));
    assertThat(repo.paas("maintenance").out()).contains("on");
    HttpResponse<String> down = platform.get(APP);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.body()).containsIgnoringCase("maintenance");
    assertThat(repo.paas("ps").out()).contains("web.1: up");
    succeeds(repo.paas("maintenance:off"));
    assertThat(platform.get(APP).body()).isEqualTo("hello from web.1\n");
  }

  @Test
  @Order(6)
  void aWebSocketEchoesThroughTheRouter() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      WebSocketClient client = vertx.createWebSocketClient();
      String echo = client.connect(new WebSocketConnectOptions()
              .setHost("127.0.0.1").setPort(platform.routerPort).setURI("/echo")
              .putHeader("Host", APP + ".localhost:" + platform.routerPort))
          .compose(socket -> {
            var reply = io.vertx.core.Promise.<String>promise();
            socket.textMessageHandler(reply::tryComplete);
            return socket.writeTextMessage("hi there").compose(sent -> reply.future())
                .eventually(socket::close);
          })
          .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      assertThat(echo).isEqualTo("echo: hi there");
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  @Order(7)
  void aCustomDomainRoutesToItsAppOverHttpAndHttps() throws Exception {
    succeeds(repo.paas("domains:add", DOMAIN));
    assertThat(repo.paas("domains").out()).contains(DOMAIN);
    assertThat(platform.get(DOMAIN, "/").body()).isEqualTo("hello from web.1\n");
    Path rootCa = platform.dataDir.resolve("caddy/pki/authorities/local/root.crt");
    await("Caddy's root certificate", () -> String.valueOf(Files.exists(rootCa)), "true"::equals);
    for (String host : List.of(APP + ".localhost", DOMAIN)) {
      await("HTTPS for " + host, () -> curl("--cacert", rootCa.toString(), "--resolve",
          host + ":" + httpsPort + ":127.0.0.1", "https://" + host + ":" + httpsPort + "/"),
          out -> out.equals("hello from web.1\n"));
    }
    String redirect = curl("-s", "-o", "/dev/null", "-w", "%{http_code} %{redirect_url}", "--resolve",
        DOMAIN + ":" + redirectPort + ":127.0.0.1", "http://" + DOMAIN + ":" + redirectPort + "/x");
    assertThat(redirect).matches("30[18] https://" + DOMAIN.replace(".", "\\.") + ":" + httpsPort + "/x");
    succeeds(repo.paas("domains:remove", DOMAIN));
    assertThat(platform.get(DOMAIN, "/").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(8)
  void aStandaloneRouterFollowsTheTableAndKeepsServingItWhileTheControllerIsDown() throws Exception {
    int port = Platform.freePort();
    String host = APP + ".localhost";
    Process router = platform.startRouter(port, work.resolve("router"));
    try {
      assertThat(platform.get(port, host, "/").body()).isEqualTo("hello from web.1\n");
      succeeds(repo.paas("maintenance:on"));
      await("maintenance through the standalone router",
          () -> String.valueOf(platform.get(port, host, "/").statusCode()), "503"::equals);
      succeeds(repo.paas("maintenance:off"));
      await("served again", () -> String.valueOf(platform.get(port, host, "/").statusCode()), "200"::equals);
      platform.stop();
      for (int i = 0; i < 20; i++) {
        assertThat(platform.get(port, host, "/").body()).isEqualTo("hello from web.1\n");
      }
    } finally {
      router.destroy();
      router.waitFor(30, TimeUnit.SECONDS);
      platform.start();
    }
  }

  private static String curl(String... args) throws Exception {
    return platform.curl(List.of(args));
  }

  private static void scaleWebTo(int count) throws Exception {
    succeeds(repo.paas("ps:scale", "web=" + count));
    await("web at " + count, () -> repo.paas("ps").out(), ps -> ps.contains("web." + count + ": up")
        && !ps.contains("web." + (count + 1)) && !ps.contains("starting"));
  }

  private static String containerOf(String dyno) throws Exception {
    String id = platform.docker("ps", "-q", "--filter", "label=paas.app=" + APP, "--filter",
        "label=paas.dyno=" + dyno).out().trim();
    assertThat(id).as("container of %s", dyno).isNotBlank().doesNotContain("\n");
    return id;
  }

  private static void succeeds(Result result) {
    assertThat(result.exit()).as(result.all()).isZero();
  }
}
