package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scaling and resizing through the API, checked against a host with room for sixteen standard dynos. */
class FormationApiTest extends ApiTestBase {
  @Test
  void theFormationFollowsTheProcfileWithHerokusDefaults() throws Exception {
    String app = deployedApp();
    JsonArray formation = api.call("GET", "/apps/" + app + "/formation", api.adminToken, null).array();
    assertThat(formation).containsExactly(
        new JsonObject().put("type", "web").put("quantity", 1).put("size", "standard").put("command", "serve"),
        new JsonObject().put("type", "worker").put("quantity", 0).put("size", "standard").put("command", "work"));
    assertThat(platform.dynos.running(app)).containsOnlyKeys("web.1");
  }

  @Test
  void scalingStartsAndStopsDynosAtTheirSize() throws Exception {
    String app = deployedApp();
    Response scaled = patch(app, "{\"updates\": [{\"type\": \"web\", \"quantity\": 2}, "
        + "{\"type\": \"worker\", \"quantity\": 1, \"size\": \"Basic\"}]}");
    assertThat(scaled.status()).as(scaled.body()).isEqualTo(200);
    eventually(() -> platform.dynos.running(app).keySet().equals(java.util.Set.of("web.1", "web.2", "worker.1")));
    assertThat(platform.dynos.running(app).get("worker.1").memoryBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(platform.dynos.running(app).get("worker.1").command()).isEqualTo("work");

    patch(app, "{\"updates\": [{\"type\": \"web\", \"quantity\": 1}]}");
    eventually(() -> platform.dynos.running(app).keySet().equals(java.util.Set.of("web.1", "worker.1")));
    assertThat(api.call("GET", "/apps/" + app + "/logs", api.adminToken, null).body())
        .contains("app[api]: Scaled to web@2:Standard worker@1:Basic by user " + ApiFixture.ADMIN_EMAIL);
    patch(app, "{\"updates\": [{\"type\": \"web\", \"quantity\": 0}, {\"type\": \"worker\", \"quantity\": 0}]}");
    eventually(() -> platform.dynos.running(app).isEmpty());
  }

  @Test
  void aFormationLargerThanTheClusterIsRefusedAndNothingChanges() throws Exception {
    String app = deployedApp();
    Response refused = patch(app, "{\"updates\": [{\"type\": \"web\", \"quantity\": 20}]}");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).contains("Not enough").contains("web");
    Response tooBig = patch(app, "{\"updates\": [{\"type\": \"web\", \"size\": \"performance\", \"quantity\": 5}]}");
    assertThat(tooBig.status()).isEqualTo(422);
    assertThat(api.call("GET", "/apps/" + app + "/formation", api.adminToken, null).array().getJsonObject(0))
        .isEqualTo(new JsonObject().put("type", "web").put("quantity", 1).put("size", "standard")
            .put("command", "serve"));
    assertThat(platform.dynos.running(app)).containsOnlyKeys("web.1");
  }

  @Test
  void badFormationUpdatesAreRefused() throws Exception {
    String app = deployedApp();
    for (String bad : List.of("{\"updates\": [{\"type\": \"clock\", \"quantity\": 1}]}",
        "{\"updates\": [{\"type\": \"web\", \"size\": \"huge\"}]}",
        "{\"updates\": [{\"type\": \"web\", \"quantity\": -1}]}",
        "{\"updates\": [{\"type\": \"web\", \"quantity\": 101}]}",
        "{\"updates\": []}")) {
      Response response = patch(app, bad);
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.json().getString("message")).isNotBlank();
    }
    for (String bad : List.of("{}", "{\"updates\": \"web=2\"}", "{\"updates\": [{\"quantity\": 1}]}",
        "{\"updates\": [{\"type\": \"web\", \"quantity\": \"2\"}]}", "{\"updates\": [5]}", "[1]")) {
      assertThat(patch(app, bad).status()).as(bad).isEqualTo(400);
    }
    String empty = api.newApp(api.adminToken);
    assertThat(patch(empty, "{\"updates\": [{\"type\": \"web\", \"quantity\": 1}]}").json().getString("message"))
        .contains("no release yet");
  }

  @Test
  void anotherUsersFormationIsA404AndAgentsAreForAdmins() throws Exception {
    String app = deployedApp();
    String other = api.newUser();
    assertThat(api.call("GET", "/apps/" + app + "/formation", other, null).status()).isEqualTo(404);
    assertThat(api.call("PATCH", "/apps/" + app + "/formation", other,
        "{\"updates\": [{\"type\": \"web\", \"quantity\": 0}]}").status()).isEqualTo(404);
    assertThat(platform.dynos.running(app)).containsOnlyKeys("web.1");

    assertThat(api.call("GET", "/agents", other, null).status()).isEqualTo(403);
    JsonObject host = api.call("GET", "/agents", api.adminToken, null).array().getJsonObject(0);
    assertThat(host.getString("name")).isEqualTo("test-host");
    assertThat(host.getLong("memory")).isEqualTo(ApiFixture.HOST_MEMORY);
  }

  private static Response patch(String app, String body) throws Exception {
    return api.call("PATCH", "/apps/" + app + "/formation", api.adminToken, body);
  }

  private static String deployedApp() throws Exception {
    String app = api.newApp(api.adminToken);
    Map<String, String> procfile = new LinkedHashMap<>();
    procfile.put("web", "serve");
    procfile.put("worker", "work");
    deploy(app, "img:1", procfile, null);
    return app;
  }
}
