package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogFilter;
import io.paas.router.Backend;
import io.paas.router.RouteSettings;
import io.paas.router.RoutingSnapshot.AppRoute;
import io.paas.router.remote.TableJson;
import io.paas.router.remote.TableJson.Versioned;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouterProtocolApiTest extends ApiTestBase {
  private static final String TOKEN = ApiFixture.AGENT_TOKEN;

  @Test
  void onlyTheClusterTokenGetsIn() throws Exception {
    for (String token : new String[] {null, "wrong-token", api.adminToken}) {
      assertThat(api.call("GET", "/router-api/table", token, null).status()).as(token).isEqualTo(401);
      assertThat(api.call("POST", "/router-api/logs", token, "[]").status()).as(token).isEqualTo(401);
    }
  }

  @Test
  void theTableHasEachAppsBackendsSettingsAndDomains() throws Exception {
    String app = api.newApp(api.adminToken);
    assertThat(api.call("PATCH", "/apps/" + app, api.adminToken, "{\"maintenance\": true, \"request_timeout\": 12}")
        .status()).isEqualTo(200);
    assertThat(api.call("POST", "/apps/" + app + "/domains", api.adminToken, ApiCalls.body("hostname",
        app + ".example.com")).status()).isEqualTo(201);
    deploy(app, "img:1", Map.of("web", "serve"), null);
    Backend web1 = platform.table.backends(app).orElseThrow().get(0);

    Versioned table = table("/router-api/table");

    assertThat(table.snapshot().apps().get(app)).isEqualTo(new AppRoute(List.of(web1),
        new RouteSettings(true, Duration.ofSeconds(12)), Set.of(app + ".example.com")));
    assertThat(table.snapshot().version()).isEqualTo(platform.table.version());
  }

  @Test
  void aPollForTheCurrentVersionWaitsForTheNextChange() throws Exception {
    String app = api.newApp(api.adminToken);
    Versioned now = table("/router-api/table");
    CompletableFuture<HttpResponse<String>> poll = ApiCalls.http().sendAsync(api.request("GET",
        "/router-api/table?after=" + now.snapshot().version() + "&epoch=" + now.epoch(), TOKEN, null),
        HttpResponse.BodyHandlers.ofString());
    Thread.sleep(300);
    assertThat(poll).isNotDone();

    assertThat(api.call("PATCH", "/apps/" + app, api.adminToken, "{\"maintenance\": true}").status()).isEqualTo(200);

    Versioned changed = TableJson.read(new JsonObject(poll.get(10, TimeUnit.SECONDS).body()));
    assertThat(changed.snapshot().version()).isGreaterThan(now.snapshot().version());
    assertThat(changed.snapshot().apps().get(app).settings().maintenance()).isTrue();
  }

  @Test
  void aPollNamingAnotherControllersTableIsAnsweredAtOnce() throws Exception {
    Versioned now = table("/router-api/table");

    Versioned answered = table("/router-api/table?after=" + now.snapshot().version() + "&epoch=another");

    assertThat(answered.epoch()).isEqualTo(now.epoch());
  }

  @Test
  void routerLinesGoIntoTheAppsLog() throws Exception {
    String app = api.newApp(api.adminToken);

    Response posted = api.call("POST", "/router-api/logs", TOKEN, new JsonArray()
        .add(new JsonObject().put("app", app).put("text", "at=info method=GET path=\"/\" status=200").put("status", 200)
            .put("service_ms", 3)).encode());

    assertThat(posted.status()).isEqualTo(200);
    assertThat(platform.logs.recent(app, 10, new LogFilter(null, null)).stream().map(LogEntry::format))
        .anySatisfy(line -> assertThat(line).endsWith("heroku[router]: at=info method=GET path=\"/\" status=200"));
  }

  @Test
  void malformedBodiesAre400AndOversizedOnes413() throws Exception {
    for (String bad : List.of("[", "{}", "", "[{\"app\": 1, \"text\": \"x\", \"status\": 200}]", "[\"line\"]",
        "[{\"app\": \"a\", \"text\": \"x\"}]",
        "[{\"app\": \"a\", \"text\": \"x\", \"status\": 200, \"service_ms\": \"1\"}]")) {
      assertThat(api.call("POST", "/router-api/logs", TOKEN, bad).status()).as(bad).isEqualTo(400);
    }
    assertThat(api.call("GET", "/router-api/table?after=x", TOKEN, null).status()).isEqualTo(400);
    String huge = new JsonArray().add(new JsonObject().put("app", "a").put("text", "x".repeat(5 * 1024 * 1024)))
        .encode();
    assertThat(api.call("POST", "/router-api/logs", TOKEN, huge).status()).isEqualTo(413);
  }

  private static Versioned table(String path) throws Exception {
    Response response = api.call("GET", path, TOKEN, null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return TableJson.read(response.json());
  }
}
