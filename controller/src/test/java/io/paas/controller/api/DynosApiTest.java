package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Listing, restarting and stopping dynos, and one-off runs, through the API over a fake container runtime. */
class DynosApiTest extends ApiTestBase {
  private static final long STANDARD = 512L * 1024 * 1024;

  @Test
  void dynosShowTheirStateReleaseAndSize() throws Exception {
    String app = deployedApp();
    JsonArray dynos = api.call("GET", "/apps/" + app + "/dynos", api.adminToken, null).array();
    assertThat(dynos).hasSize(1);
    JsonObject web = dynos.getJsonObject(0);
    assertThat(web.getString("name")).isEqualTo("web.1");
    assertThat(web.getString("type")).isEqualTo("web");
    assertThat(web.getString("state")).isEqualTo("up");
    assertThat(web.getString("release")).as("v1 set the config").isEqualTo("v2");
    assertThat(web.getString("size")).isEqualTo("standard");
    assertThat(web.getString("command")).isEqualTo("serve");
    assertThat(web.getInteger("restarts")).isZero();
  }

  @Test
  void restartReplacesTheDynoAndAnUnknownOneIsA404() throws Exception {
    String app = deployedApp();
    int started = platform.dynos.started.size();
    assertThat(api.call("DELETE", "/apps/" + app + "/dynos/web.1", api.adminToken, null).status()).isEqualTo(202);
    assertThat(platform.dynos.started.size()).isEqualTo(started + 1);
    assertThat(api.call("DELETE", "/apps/" + app + "/dynos", api.adminToken, null).status()).isEqualTo(202);
    assertThat(platform.dynos.started.size()).isEqualTo(started + 2);
    Response unknown = api.call("DELETE", "/apps/" + app + "/dynos/web.9", api.adminToken, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("message")).contains("web.9");
    assertThat(api.call("POST", "/apps/" + app + "/dynos/clock.1/actions/stop", api.adminToken, null).status())
        .isEqualTo(404);
    assertThat(api.call("GET", "/apps/" + app + "/logs?source=platform", api.adminToken, null).body())
        .contains("app[api]: Restarted web.1 by user").contains("app[api]: Restarted all dynos by user");
  }

  @Test
  void stopTakesTheDynoDown() throws Exception {
    String app = deployedApp();
    assertThat(api.call("POST", "/apps/" + app + "/dynos/web.1/actions/stop", api.adminToken, null).status())
        .isEqualTo(202);
    assertThat(api.call("GET", "/apps/" + app + "/dynos", api.adminToken, null).array().getJsonObject(0)
        .getString("state")).isEqualTo("down");
  }

  @Test
  void anAttachedRunStreamsItsOutputAndExitStatus() throws Exception {
    String app = deployedApp();
    Response ok = api.call("POST", "/apps/" + app + "/dynos", api.adminToken,
        "{\"command\": \"echo hi\", \"attach\": true}");
    assertThat(ok.status()).isEqualTo(200);
    List<JsonObject> messages = ok.body().lines().map(JsonObject::new).toList();
    assertThat(messages.get(0).getString("state")).isEqualTo("starting");
    assertThat(messages.get(0).getString("name")).startsWith("run.");
    assertThat(messages).contains(new JsonObject().put("line", "ran echo hi"));
    assertThat(messages.get(messages.size() - 1)).isEqualTo(new JsonObject().put("exit", 0));

    Response failing = api.call("POST", "/apps/" + app + "/dynos", api.adminToken,
        "{\"command\": \"fail please\", \"attach\": true}");
    List<String> lines = failing.body().lines().toList();
    assertThat(new JsonObject(lines.get(lines.size() - 1)).getInteger("exit")).isEqualTo(1);
    assertThat(platform.dynos.ranOnce).anySatisfy(spec -> {
      assertThat(spec.command()).isEqualTo("fail please");
      assertThat(spec.env()).containsEntry("COLOR", "green");
      assertThat(spec.image()).isEqualTo("img:1");
    });
  }

  @Test
  void aDetachedRunAnswersAtOnceAndLogsItsOutput() throws Exception {
    String app = deployedApp();
    Response run = api.call("POST", "/apps/" + app + "/dynos", api.adminToken, "{\"command\": \"echo bye\"}");
    assertThat(run.status()).isEqualTo(201);
    String name = run.json().getString("name");
    long deadline = System.currentTimeMillis() + 10_000;
    String log = "";
    while (!log.contains("ran echo bye") && System.currentTimeMillis() < deadline) {
      log = api.call("GET", "/apps/" + app + "/logs?dyno=" + name, api.adminToken, null).body();
    }
    assertThat(log).contains("app[" + name + "]: ran echo bye");
  }

  @Test
  void aOneOffTakesRoomSoARunThatDoesNotFitIsRefused() throws Exception {
    String app = deployedApp();
    long reserved = 0;
    for (Object listed : api.call("GET", "/apps", api.adminToken, null).array()) {
      String name = ((JsonObject) listed).getString("name");
      for (Object type : api.call("GET", "/apps/" + name + "/formation", api.adminToken, null).array()) {
        reserved += ((JsonObject) type).getInteger("quantity") * STANDARD;
      }
    }
    int more = (int) ((ApiFixture.HOST_MEMORY - reserved) / STANDARD);
    Response full = api.call("PATCH", "/apps/" + app + "/formation", api.adminToken,
        "{\"updates\": [{\"type\": \"web\", \"quantity\": " + (1 + more) + "}]}");
    assertThat(full.status()).as(full.body()).isEqualTo(200);
    try {
      Response refused = api.call("POST", "/apps/" + app + "/dynos", api.adminToken, "{\"command\": \"echo hi\"}");
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.json().getString("message")).contains("Not enough capacity to run a one-off dyno");
    } finally {
      api.call("PATCH", "/apps/" + app + "/formation", api.adminToken,
          "{\"updates\": [{\"type\": \"web\", \"quantity\": 1}]}");
    }
    assertThat(api.call("POST", "/apps/" + app + "/dynos", api.adminToken, "{\"command\": \"echo hi\"}").status())
        .isEqualTo(201);
  }

  @Test
  void badRunsAreRefused() throws Exception {
    String app = deployedApp();
    assertThat(api.call("POST", "/apps/" + app + "/dynos", api.adminToken, "{}").status()).isEqualTo(422);
    assertThat(api.call("POST", "/apps/" + app + "/dynos", api.adminToken, "{\"command\": 5}").status())
        .isEqualTo(400);
    assertThat(api.call("POST", "/apps/" + app + "/dynos", api.adminToken,
        "{\"command\": \"x\", \"attach\": \"yes\"}").status()).isEqualTo(400);
    String empty = api.newApp(api.adminToken);
    assertThat(api.call("POST", "/apps/" + empty + "/dynos", api.adminToken, "{\"command\": \"x\"}").json()
        .getString("message")).contains("no release");
    String other = api.newUser();
    assertThat(api.call("POST", "/apps/" + app + "/dynos", other, "{\"command\": \"x\"}").status()).isEqualTo(404);
    assertThat(api.call("GET", "/apps/" + app + "/dynos", other, null).status()).isEqualTo(404);
    assertThat(api.call("DELETE", "/apps/" + app + "/dynos", other, null).status()).isEqualTo(404);
  }

  private static String deployedApp() throws Exception {
    String app = api.newApp(api.adminToken);
    api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, "{\"COLOR\": \"green\"}");
    deploy(app, "img:1", Map.of("web", "serve"), null);
    return app;
  }
}
