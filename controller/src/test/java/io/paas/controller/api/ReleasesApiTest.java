package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.builder.BuildResult;
import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.App;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Config vars, releases, rollback and logs through the API, with a fake container runtime behind the agent. */
class ReleasesApiTest extends ApiTestBase {
  @Test
  void configSetBeforeTheFirstBuildIsKeptAndRunsNothing() throws Exception {
    String app = api.newApp(api.adminToken);
    Response set = api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, body("FOO", "bar"));
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json()).isEqualTo(new JsonObject().put("FOO", "bar"));
    assertThat(api.call("GET", "/apps/" + app + "/config-vars", api.adminToken, null).json().getString("FOO"))
        .isEqualTo("bar");
    JsonObject v1 = api.call("GET", "/apps/" + app + "/releases/v1", api.adminToken, null).json();
    assertThat(v1.getString("description")).isEqualTo("Set FOO config vars");
    assertThat(v1.getJsonArray("config_keys").getList()).containsExactly("FOO");
    assertThat(v1.encode()).doesNotContain("bar");
    assertThat(platform.dynos.web(app)).isNull();
  }

  @Test
  void aDeployRunsTheReleaseCommandThenTheWebProcessWithTheConfig() throws Exception {
    String app = api.newApp(api.adminToken);
    api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, body("GREETING", "hi"));
    Map<String, String> procfile = new LinkedHashMap<>();
    procfile.put("web", "serve --port $PORT");
    procfile.put("worker", "work");
    deploy(app, "img:1", procfile, "migrate");

    assertThat(platform.dynos.ranOnce).anySatisfy(spec -> {
      assertThat(spec.app()).isEqualTo(app);
      assertThat(spec.command()).isEqualTo("migrate");
      assertThat(spec.env()).containsEntry("GREETING", "hi");
    });
    assertThat(platform.dynos.web(app).command()).isEqualTo("serve --port $PORT");
    assertThat(platform.dynos.web(app).image()).isEqualTo("img:1");
    assertThat(platform.dynos.web(app).env()).containsEntry("GREETING", "hi");
    JsonObject info = api.call("GET", "/apps/" + app + "/releases/2", api.adminToken, null).json();
    assertThat(info.getString("status")).isEqualTo("succeeded");
    assertThat(info.getBoolean("current")).isTrue();
    assertThat(info.getJsonObject("process_types").fieldNames()).containsExactly("web", "worker");
    assertThat(api.call("GET", "/apps/" + app, api.adminToken, null).json().getString("release")).isEqualTo("v2");
  }

  @Test
  void aConfigChangeRestartsWithTheNewValueAndRollbackBringsBackCodeAndConfig() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve"), null);
    api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, body("COLOR", "blue"));
    assertThat(platform.dynos.web(app).env()).containsEntry("COLOR", "blue");
    deploy(app, "img:2", Map.of("web", "serve"), null);
    Response changed = api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken,
        "{\"COLOR\": \"red\", \"EXTRA\": \"x\"}");
    assertThat(changed.json()).isEqualTo(new JsonObject().put("COLOR", "red").put("EXTRA", "x"));
    assertThat(platform.dynos.web(app).image()).isEqualTo("img:2");
    assertThat(platform.dynos.web(app).env()).containsEntry("COLOR", "red");

    Response rollback = api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{\"release\": 2}");
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
    assertThat(rollback.json().getString("name")).isEqualTo("v5");
    assertThat(rollback.json().getString("description")).isEqualTo("Rollback to v2");
    assertThat(platform.dynos.web(app).image()).isEqualTo("img:1");
    assertThat(platform.dynos.web(app).env()).containsEntry("COLOR", "blue").doesNotContainKey("EXTRA");
    assertThat(api.call("GET", "/apps/" + app + "/config-vars", api.adminToken, null).json())
        .isEqualTo(new JsonObject().put("COLOR", "blue"));

    Response removed = api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, "{\"COLOR\": null}");
    assertThat(removed.json()).isEqualTo(new JsonObject());
    assertThat(platform.dynos.web(app).env()).doesNotContainKey("COLOR");
  }

  @Test
  void aFailingReleaseCommandLeavesThePreviousReleaseServing() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:good", Map.of("web", "serve"), "echo ok");
    App found = platform.apps.byName(app).await(10, TimeUnit.SECONDS).orElseThrow();
    long build = platform.builds.insert(found.id(), 1, "bad0000").await(10, TimeUnit.SECONDS);
    Throwable failure = platform.releases.deploy(found, build, "bad0000",
            new BuildResult("img:bad", Map.of("web", "serve"), "fail now"), 1, ApiFixture.ADMIN_EMAIL, line -> { })
        .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(30, TimeUnit.SECONDS);
    assertThat(failure).hasMessageContaining("Release command failed with exit status 1");
    assertThat(platform.dynos.web(app).image()).isEqualTo("img:good");
    assertThat(api.call("GET", "/apps/" + app + "/releases/v2", api.adminToken, null).json().getString("status"))
        .isEqualTo("failed");
    assertThat(api.call("GET", "/apps/" + app, api.adminToken, null).json().getString("release")).isEqualTo("v1");
    Response rollbackToFailed = api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{\"release\": 2}");
    assertThat(rollbackToFailed.status()).isEqualTo(422);
  }

  @Test
  void badConfigKeysAndValuesAreRefusedAndChangeNothing() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String bad : List.of("{\"lower\": \"1\"}", "{\"1ABC\": \"1\"}", "{\"PORT\": \"1\"}", "{\"DYNO\": \"x\"}",
        "{\"PAAS_X\": \"1\"}", "{\"A-B\": \"1\"}", "{}", "{\"FOO\": 5}", "{\"FOO\": {\"x\": 1}}",
        "{\"BIG\": \"" + "x".repeat(40_000) + "\"}")) {
      Response response = api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, bad);
      assertThat(response.status()).as(bad.substring(0, Math.min(40, bad.length()))).isEqualTo(422);
      assertThat(response.json().getString("message")).isNotBlank();
    }
    assertThat(api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, "{\"A\":").status())
        .isEqualTo(400);
    assertThat(api.call("GET", "/apps/" + app + "/releases", api.adminToken, null).array()).isEmpty();
  }

  @Test
  void rollbackNeedsAnExistingReleaseNumber() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve"), null);
    assertThat(api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{\"release\": 99}").status())
        .isEqualTo(404);
    assertThat(api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{\"release\": 0}").status())
        .isEqualTo(404);
    assertThat(api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{\"release\": \"v1\"}").status())
        .isEqualTo(400);
    assertThat(api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{}").status()).isEqualTo(400);
  }

  @Test
  void logsShowPlatformEventsFilterBySourceAndFollowNewLines() throws Exception {
    String app = api.newApp(api.adminToken);
    api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, body("SECRET_KEY", "hunter2-value"));
    String all = api.call("GET", "/apps/" + app + "/logs?lines=50", api.adminToken, null).body();
    assertThat(all).contains("app[api]: Set SECRET_KEY config vars by user " + ApiFixture.ADMIN_EMAIL)
        .contains("app[api]: Release v1 created by user " + ApiFixture.ADMIN_EMAIL)
        .doesNotContain("hunter2-value")
        .matches("(?s)\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\+00:00 app\\[api\\]: .*");
    assertThat(api.call("GET", "/apps/" + app + "/logs?source=app", api.adminToken, null).body()).isEmpty();

    HttpResponse<java.io.InputStream> tail = ApiCalls.http().send(
        api.request("GET", "/apps/" + app + "/logs?tail=true&lines=0&source=app&dyno=web", api.adminToken, null),
        HttpResponse.BodyHandlers.ofInputStream());
    assertThat(tail.statusCode()).isEqualTo(200);
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(tail.body(), StandardCharsets.UTF_8))) {
      platform.logs.append(app, LogEntry.now(LogEntry.APP, "worker.1", "not for this reader"));
      platform.logs.append(app, LogEntry.now(LogEntry.APP, "web.1", "hello from web"));
      assertThat(reader.readLine()).endsWith("app[web.1]: hello from web");
    }
  }

  @Test
  void aBrowserAskingForEventsGetsOneEventPerLineAndAKeepaliveWhileQuiet() throws Exception {
    String app = api.newApp(api.adminToken);
    platform.logs.append(app, LogEntry.now(LogEntry.APP, "web.1", "before the reader came"));
    HttpRequest tail = api.request("GET", "/apps/" + app + "/logs?tail=true&lines=1&source=app", api.adminToken, null);
    HttpResponse<java.io.InputStream> events = ApiCalls.http().send(HttpRequest.newBuilder(tail, (name, value) -> true)
        .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.headers().firstValue("Content-Type")).get().asString().startsWith("text/event-stream");
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      assertThat(reader.readLine()).startsWith("data: ").endsWith(" app[web.1]: before the reader came");
      assertThat(reader.readLine()).isEmpty();
      platform.logs.append(app, LogEntry.now(LogEntry.APP, "web.1", "first\nsecond"));
      assertThat(reader.readLine()).startsWith("data: ").endsWith(" app[web.1]: first");
      assertThat(reader.readLine()).as("a line break inside a line is a second data field").isEqualTo("data: second");
      assertThat(reader.readLine()).isEmpty();
      assertThat(reader.readLine()).as("15 s without a line").isEqualTo(": keepalive");
      assertThat(reader.readLine()).isEmpty();
    }
  }

  @Test
  void withoutAskingForEventsTheLogIsPlainText() throws Exception {
    String app = api.newApp(api.adminToken);
    platform.logs.append(app, LogEntry.now(LogEntry.APP, "web.1", "plain"));
    Response plain = api.call("GET", "/apps/" + app + "/logs?source=app", api.adminToken, null);
    assertThat(plain.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
    assertThat(plain.body()).matches("\\S+ app\\[web\\.1\\]: plain\n");
  }

  @Test
  void theApisEventsAreASourceOfTheirOwn() throws Exception {
    String app = api.newApp(api.adminToken);
    api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, body("MODE", "on"));
    platform.logs.append(app, LogEntry.now(LogEntry.PLATFORM, "web.1", "State changed from starting to up"));
    platform.logs.append(app, LogEntry.now(LogEntry.APP, "api", "an app process that happens to be called api"));

    String events = api.call("GET", "/apps/" + app + "/logs?source=api", api.adminToken, null).body();

    assertThat(events).contains("app[api]: Set MODE config vars").doesNotContain("State changed")
        .doesNotContain("happens to be called api");
    assertThat(events.lines()).allMatch(line -> line.contains(" app[api]: "));
  }

  @Test
  void badLogQueriesAre422() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String query : List.of("lines=abc", "lines=-1", "lines=999999", "source=kernel", "tail=maybe",
        "dyno=web%20x")) {
      assertThat(api.call("GET", "/apps/" + app + "/logs?" + query, api.adminToken, null).status()).as(query)
          .isEqualTo(422);
    }
  }

  @Test
  void anotherUsersAppsConfigReleasesAndLogsAre404() throws Exception {
    String owner = api.newUser();
    String other = api.newUser();
    String app = api.newApp(owner);
    api.call("PATCH", "/apps/" + app + "/config-vars", owner, body("TOKEN", "owner-only"));
    for (String[] call : new String[][] {{"GET", "/config-vars", null}, {"PATCH", "/config-vars", "{\"A\":\"1\"}"},
        {"POST", "/releases", "{\"release\": 1}"}, {"GET", "/logs", null}, {"GET", "/releases/v1", null}}) {
      Response response = api.call(call[0], "/apps/" + app + call[1], other, call[2]);
      assertThat(response.status()).as(call[0] + call[1]).isEqualTo(404);
      assertThat(response.body()).doesNotContain("owner-only");
    }
    assertThat(api.call("GET", "/apps/" + app + "/config-vars", owner, null).json().getString("TOKEN"))
        .isEqualTo("owner-only");
  }
}
