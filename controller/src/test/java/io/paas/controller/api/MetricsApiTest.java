package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An app's metrics and its summary in the app views: requests as a router posts them to {@code /router-api/logs},
 * memory from the fake runtime through the agent's heartbeats.
 */
class MetricsApiTest extends ApiTestBase {
  private static final long STANDARD = 512L * 1024 * 1024;

  /** Posts requests as a standalone router would: one of each status, each taking {@code serviceMillis}. */
  private static void routed(String app, long serviceMillis, int... statuses) throws Exception {
    JsonArray requests = new JsonArray();
    for (int status : statuses) {
      requests.add(new JsonObject().put("app", app).put("text", "at=info status=" + status).put("status", status)
          .put("service_ms", serviceMillis));
    }
    assertThat(api.call("POST", "/router-api/logs", ApiFixture.AGENT_TOKEN, requests.encode()).status())
        .isEqualTo(200);
  }

  private static JsonObject metrics(String app) throws Exception {
    Response response = api.call("GET", "/apps/" + app + "/metrics", api.adminToken, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }

  @Test
  void requestsFillTheCurrentMinuteOfSixtyOldestFirst() throws Exception {
    String app = api.newApp(api.adminToken);
    Instant before = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    routed(app, 4, 200, 200, 200, 301, 404, 502);

    JsonObject metrics = metrics(app);
    Instant after = Instant.now().truncatedTo(ChronoUnit.MINUTES);

    assertThat(metrics.getInteger("window_minutes")).isEqualTo(60);
    JsonArray requests = metrics.getJsonArray("requests");
    assertThat(requests).hasSize(60);
    JsonObject current = requests.getJsonObject(59);
    assertThat(Instant.parse(current.getString("minute"))).isBetween(before, after);
    assertThat(Instant.parse(requests.getJsonObject(0).getString("minute")))
        .isEqualTo(Instant.parse(current.getString("minute")).minus(59, ChronoUnit.MINUTES));
    assertThat(current).isEqualTo(new JsonObject().put("minute", current.getString("minute")).put("total", 6)
        .put("2xx", 3).put("3xx", 1).put("4xx", 1).put("5xx", 1).put("p50_ms", 4).put("p95_ms", 4));
    assertThat(requests.getJsonObject(0)).isEqualTo(new JsonObject().put("minute",
        requests.getJsonObject(0).getString("minute")).put("total", 0).put("2xx", 0).put("3xx", 0).put("4xx", 0)
        .put("5xx", 0).putNull("p50_ms").putNull("p95_ms"));
    assertThat(metrics.getJsonArray("memory")).isEmpty();
  }

  @Test
  void eachDynosMemoryComesFromTheAgentsHeartbeats() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve"), null);

    eventually(() -> !platform.metrics.memory(app).isEmpty());

    JsonArray memory = metrics(app).getJsonArray("memory");
    assertThat(memory).hasSize(1);
    assertThat(memory.getJsonObject(0).getString("dyno")).isEqualTo("web.1");
    JsonObject sample = memory.getJsonObject(0).getJsonArray("samples").getJsonObject(0);
    assertThat(sample.getLong("bytes")).isEqualTo(FakeDynos.MEMORY_USED);
    assertThat(sample.getLong("limit_bytes")).isEqualTo(STANDARD);
    assertThat(sample.getString("at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(Instant.parse(sample.getString("at"))).isBeforeOrEqualTo(Instant.now());
  }

  @Test
  void theAppViewsSummariseDynosReleaseAndErrors() throws Exception {
    String app = api.newApp(api.adminToken);
    JsonObject fresh = api.call("GET", "/apps/" + app, api.adminToken, null).json();
    assertThat(fresh.getJsonObject("dynos")).isEqualTo(new JsonObject().put("up", 0).put("total", 0));
    assertThat(fresh.getValue("released_at")).isNull();
    assertThat(fresh.getInteger("errors_last_hour")).isZero();

    deploy(app, "img:1", Map.of("web", "serve", "worker", "work"), null);
    assertThat(api.call("PATCH", "/apps/" + app + "/formation", api.adminToken,
        "{\"updates\": [{\"type\": \"worker\", \"quantity\": 1}]}").status()).isEqualTo(200);
    routed(app, 20, 200, 500, 503, 504, 404);

    eventually(() -> {
      try {
        return api.call("GET", "/apps/" + app, api.adminToken, null).json().getJsonObject("dynos").getInteger("up")
            == 2;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    });
    JsonObject shown = api.call("GET", "/apps/" + app, api.adminToken, null).json();
    assertThat(shown.getJsonObject("dynos")).isEqualTo(new JsonObject().put("up", 2).put("total", 2));
    assertThat(shown.getInteger("errors_last_hour")).isEqualTo(3);
    JsonObject release = api.call("GET", "/apps/" + app + "/releases/1", api.adminToken, null).json();
    assertThat(shown.getString("released_at")).isEqualTo(release.getString("created_at"));
    JsonObject listed = api.call("GET", "/apps", api.adminToken, null).array().stream().map(JsonObject.class::cast)
        .filter(row -> row.getString("name").equals(app)).findFirst().orElseThrow();
    assertThat(listed).isEqualTo(shown);
  }

  @Test
  void aDestroyedAppsMetricsGoWithIt() throws Exception {
    String app = api.newApp(api.adminToken);
    routed(app, 1, 500, 200);
    assertThat(api.call("DELETE", "/apps/" + app, api.adminToken, null).status()).isEqualTo(200);

    assertThat(api.call("POST", "/apps", api.adminToken, ApiCalls.body("name", app)).status()).isEqualTo(201);

    assertThat(metrics(app).getJsonArray("requests").getJsonObject(59).getInteger("total")).isZero();
    assertThat(api.call("GET", "/apps/" + app, api.adminToken, null).json().getInteger("errors_last_hour")).isZero();
  }

  @Test
  void anotherTenantsAppIsNotFoundAndATokenIsNeeded() throws Exception {
    String app = api.newApp(api.adminToken);
    routed(app, 1, 200);

    Response stranger = api.call("GET", "/apps/" + app + "/metrics", api.newUser(), null);
    assertThat(stranger.status()).isEqualTo(404);
    assertThat(stranger.json().getString("id")).isEqualTo("not_found");
    assertThat(api.call("GET", "/apps/" + app + "/metrics", null, null).status()).isEqualTo(401);
    assertThat(api.call("GET", "/apps/no-such-app/metrics", api.adminToken, null).status()).isEqualTo(404);
  }
}
