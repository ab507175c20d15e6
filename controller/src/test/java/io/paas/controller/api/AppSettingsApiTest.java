package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.agent.DynoSpec;
import io.paas.controller.api.ApiCalls.Response;
import io.paas.router.RouteSettings;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code PATCH /apps/{app}}: maintenance, request timeout and health check path, applied without a release. */
class AppSettingsApiTest extends ApiTestBase {
  private static final JsonObject DEFAULTS =
      new JsonObject().put("maintenance", false).put("request_timeout", 30).putNull("health_check_path");

  @Test
  void anAppStartsWithTheDefaultSettings() throws Exception {
    String app = api.newApp(api.adminToken);

    assertThat(settings(api.call("GET", "/apps/" + app, api.adminToken, null).json())).isEqualTo(DEFAULTS);
    assertThat(platform.table.settings(app)).isEqualTo(RouteSettings.DEFAULT);
  }

  @Test
  void maintenanceAndTheTimeoutReachTheRouterAtOnceAndAreLogged() throws Exception {
    String app = api.newApp(api.adminToken);

    Response on = patch(app, "{\"maintenance\": true, \"request_timeout\": 60}");

    assertThat(on.status()).as(on.body()).isEqualTo(200);
    assertThat(settings(on.json())).isEqualTo(DEFAULTS.copy().put("maintenance", true).put("request_timeout", 60));
    assertThat(platform.table.settings(app)).isEqualTo(new RouteSettings(true, Duration.ofSeconds(60)));

    patch(app, "{\"maintenance\": false}");

    assertThat(platform.table.settings(app)).isEqualTo(new RouteSettings(false, Duration.ofSeconds(60)));
    assertThat(api.call("GET", "/apps/" + app + "/releases", api.adminToken, null).array()).as("no release").isEmpty();
    assertThat(log(app)).contains(
        "app[api]: Maintenance mode enabled by user " + ApiFixture.ADMIN_EMAIL,
        "app[api]: Request timeout set to 60 s by user " + ApiFixture.ADMIN_EMAIL,
        "app[api]: Maintenance mode disabled by user " + ApiFixture.ADMIN_EMAIL);
  }

  @Test
  void aHealthCheckPathGoesToWebDynosStartedAfterwardsWithoutRestartingAny() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve", "worker", "work"), null);
    api.call("PATCH", "/apps/" + app + "/formation", api.adminToken,
        "{\"updates\": [{\"type\": \"worker\", \"quantity\": 1}]}");
    eventually(() -> platform.dynos.running(app).keySet().equals(Set.of("web.1", "worker.1")));
    Map<String, DynoSpec> before = Map.copyOf(platform.dynos.running(app));

    assertThat(patch(app, "{\"health_check_path\": \"/health\"}").json().getString("health_check_path"))
        .isEqualTo("/health");
    api.call("PATCH", "/apps/" + app + "/formation", api.adminToken,
        "{\"updates\": [{\"type\": \"web\", \"quantity\": 2}]}");
    eventually(() -> platform.dynos.running(app).containsKey("web.2"));

    assertThat(platform.dynos.running(app).get("web.2").healthCheckPath()).isEqualTo("/health");
    assertThat(platform.dynos.running(app)).as("web.1 and worker.1 kept running").containsAllEntriesOf(before);
    assertThat(platform.dynos.started.stream().filter(s -> s.app().equals(app) && s.name().equals("web.1")))
        .hasSize(1);

    assertThat(patch(app, "{\"health_check_path\": null}").json().getString("health_check_path")).isNull();
    assertThat(log(app)).contains("app[api]: Health check path set to /health by user " + ApiFixture.ADMIN_EMAIL,
        "app[api]: Health check path reset to the default by user " + ApiFixture.ADMIN_EMAIL);
  }

  @Test
  void badValuesAndUnknownFieldsAre422AndChangeNothing() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String bad : List.of("{\"maintenance\": \"yes\"}", "{\"maintenance\": 1}", "{\"maintenance\": null}",
        "{\"request_timeout\": 0}", "{\"request_timeout\": 301}", "{\"request_timeout\": \"60\"}",
        "{\"request_timeout\": 60.5}", "{\"request_timeout\": 10000000000}", "{\"request_timeout\": null}",
        "{\"health_check_path\": \"health\"}", "{\"health_check_path\": \"/a b\"}",
        "{\"health_check_path\": \"/" + "a".repeat(200) + "\"}", "{\"health_check_path\": \"/caf\u00e9\"}",
        "{\"health_check_path\": 5}", "{\"name\": \"other\"}", "{\"maintenance\": true, \"colour\": \"red\"}")) {
      Response response = patch(app, bad);
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.json().getString("id")).isEqualTo("invalid_params");
      assertThat(response.json().getString("message")).as(bad).isNotBlank();
    }
    assertThat(patch(app, "{\"colour\": 1}").json().getString("message")).contains("Unknown field colour");
    assertThat(patch(app, "{\"request_timeout\": 0}").json().getString("message")).contains("1 to 300");
    assertThat(settings(api.call("GET", "/apps/" + app, api.adminToken, null).json())).isEqualTo(DEFAULTS);
    assertThat(platform.table.settings(app)).isEqualTo(RouteSettings.DEFAULT);
  }

  @Test
  void malformedAndOversizedBodiesAre400And413() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String bad : List.of("{", "[1]", "", "\"maintenance\"")) {
      assertThat(patch(app, bad).status()).as(bad).isEqualTo(400);
    }
    assertThat(patch(app, "{\"health_check_path\": \"/" + "x".repeat(200_000) + "\"}").status()).isEqualTo(413);
  }

  @Test
  void onlyTheOwnerChangesSettings() throws Exception {
    String owner = api.newUser();
    String app = api.newApp(owner);
    for (String token : new String[] {null, "paas_not-a-real-token"}) {
      assertThat(api.call("PATCH", "/apps/" + app, token, "{\"maintenance\": true}").status()).isEqualTo(401);
    }
    Response other = api.call("PATCH", "/apps/" + app, api.newUser(), "{\"maintenance\": true}");
    assertThat(other.status()).isEqualTo(404);
    assertThat(other.body()).doesNotContain("user-");
    assertThat(platform.table.settings(app).maintenance()).isFalse();
  }

  private static Response patch(String app, String body) throws Exception {
    return api.call("PATCH", "/apps/" + app, api.adminToken, body);
  }

  private static JsonObject settings(JsonObject app) {
    return new JsonObject().put("maintenance", app.getBoolean("maintenance"))
        .put("request_timeout", app.getInteger("request_timeout"))
        .put("health_check_path", app.getString("health_check_path"));
  }

  private static String log(String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/logs", api.adminToken, null).body();
  }
}
