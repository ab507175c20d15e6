package io.paas.e2e;

import static io.paas.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the console's metrics and app summary show for a busybox app on the whole platform: requests through the
 * in-process router and through a router started alone, counted by status, and the memory of its web dyno as the
 * real engine reports it. Each test counts what its own requests added to the window.
 */
class MetricsIT {
  private static final long STANDARD = 512L * 1024 * 1024;

  @TempDir
  static Path work;
  static Platform platform;
  static final String APP = "metrics-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void deployTheApp() throws Exception {
    platform = new Platform(work);
    platform.start();
    platform.login();
    new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1").createAndPush(APP);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  void requestsThroughTheRouterAndTheDynosMemoryShowInTheMetrics() throws Exception {
    JsonArray before = requests();
    for (int i = 0; i < 5; i++) {
      assertThat(platform.get(APP).statusCode()).isEqualTo(200);
    }
    assertThat(platform.get(APP + ".localhost", "/missing").statusCode()).isEqualTo(404);

    JsonArray requests = new JsonArray(await("six more requests in the metrics", () -> requests().encode(),
        json -> sum(new JsonArray(json), "total") >= sum(before, "total") + 6));
    assertThat(requests).hasSize(60);
    assertThat(sum(requests, "2xx") - sum(before, "2xx")).isEqualTo(5);
    assertThat(sum(requests, "4xx") - sum(before, "4xx")).isEqualTo(1);
    assertThat(requests.stream().map(JsonObject.class::cast).filter(minute -> minute.getInteger("total") > 0))
        .as("a dyno answered every request: each busy minute has its median").isNotEmpty()
        .allSatisfy(minute -> assertThat(minute.getLong("p50_ms")).isNotNull());

    String metrics = await("a memory sample of web.1", () -> get("/apps/" + APP + "/metrics").encode(),
        json -> !new JsonObject(json).getJsonArray("memory").isEmpty());
    JsonObject web = new JsonObject(metrics).getJsonArray("memory").getJsonObject(0);
    assertThat(web.getString("dyno")).isEqualTo("web.1");
    JsonObject sample = web.getJsonArray("samples").getJsonObject(0);
    assertThat(sample.getLong("limit_bytes")).isEqualTo(STANDARD);
    assertThat(sample.getLong("bytes")).isPositive().isLessThanOrEqualTo(STANDARD);

    JsonObject app = get("/apps/" + APP);
    assertThat(app.getJsonObject("dynos")).isEqualTo(new JsonObject().put("up", 1).put("total", 1));
    assertThat(app.getString("released_at")).isNotNull();
    assertThat(app.getInteger("errors_last_hour")).isZero();
  }

  @Test
  void requestsThroughAStandaloneRouterCountToo() throws Exception {
    int port = Platform.freePort();
    Process router = platform.startRouter(port, work.resolve("router"));
    try {
      JsonArray before = requests();
      for (int i = 0; i < 3; i++) {
        assertThat(platform.get(port, APP + ".localhost", "/").statusCode()).isEqualTo(200);
      }

      await("the standalone router's requests in the metrics", () -> requests().encode(),
          json -> sum(new JsonArray(json), "2xx") == sum(before, "2xx") + 3);
    } finally {
      router.destroy();
      router.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static JsonObject get(String path) throws Exception {
    return new JsonObject(platform.api("GET", path, platform.token(), null).body());
  }

  private static JsonArray requests() throws Exception {
    return get("/apps/" + APP + "/metrics").getJsonArray("requests");
  }

  private static int sum(JsonArray minutes, String field) {
    return minutes.stream().map(JsonObject.class::cast).mapToInt(minute -> minute.getInteger(field)).sum();
  }
}
