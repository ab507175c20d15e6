package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.store.App;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each quota refuses the change that would pass it with a 422 that names the quota, its limit and the use, and
 * nothing changes. Each test's tenant has its own user, limited through the admin API.
 */
class QuotasApiTest extends ApiTestBase {
  @TempDir
  Path work;

  @Test
  void theAppsQuotaRefusesAnotherApp() throws Exception {
    Tenant tenant = tenant("{\"apps\": 1}");
    api.newApp(tenant.token());
    String name = "over-" + UUID.randomUUID().toString().substring(0, 8);

    Response refused = api.call("POST", "/apps", tenant.token(), ApiCalls.body("name", name));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).isEqualTo("Quota exceeded: apps 1 of 1 used by "
        + tenant.email() + "; ask an operator to raise it.");
    assertThat(api.call("GET", "/apps", tenant.token(), null).array()).hasSize(1);
    assertThat(platform.apps.byName(name).await(10, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aTeamsAppsCountAgainstTheTeamNotItsMembers() throws Exception {
    Tenant tenant = tenant("{\"apps\": 5}");
    String team = "quota-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.call("POST", "/teams", tenant.token(), ApiCalls.body("name", team)).status()).isEqualTo(201);
    Response set = api.call("PATCH", "/admin/quotas", api.adminToken, "{\"team\": \"" + team + "\", \"apps\": 1}");
    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().getString("kind")).isEqualTo("team");
    String first = "team-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.call("POST", "/apps", tenant.token(), ApiCalls.body("name", first, "team", team)).status())
        .isEqualTo(201);

    Response refused = api.call("POST", "/apps", tenant.token(),
        ApiCalls.body("name", "team-" + UUID.randomUUID().toString().substring(0, 8), "team", team));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).isEqualTo("Quota exceeded: apps 1 of 1 used by " + team
        + "; ask an operator to raise it.");
    api.newApp(tenant.token());
    JsonObject usage = api.call("GET", "/admin/quotas?team=" + team, api.adminToken, null).json();
    assertThat(usage.getJsonArray("quotas").getJsonObject(0).getLong("used")).isEqualTo(1L);
    assertThat(api.call("GET", "/admin/quotas?team=no-such-team", api.adminToken, null).status()).isEqualTo(404);
    assertThat(api.call("PATCH", "/admin/quotas", api.adminToken,
        "{\"team\": \"" + team + "\", \"user\": \"" + tenant.email() + "\", \"apps\": 1}").status()).isEqualTo(400);
  }

  @Test
  void appsCreatedAtOnceCannotPassTheQuotaTogether() throws Exception {
    Tenant tenant = tenant("{\"apps\": 1}");

    List<CompletableFuture<HttpResponse<String>>> creates = IntStream.range(0, 6)
        .mapToObj(n -> ApiCalls.http().sendAsync(api.request("POST", "/apps", tenant.token(),
            ApiCalls.body("name", "race-" + n + "-" + UUID.randomUUID().toString().substring(0, 8))),
            HttpResponse.BodyHandlers.ofString()))
        .toList();

    List<Integer> statuses = creates.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 422);
    assertThat(api.call("GET", "/apps", tenant.token(), null).array()).hasSize(1);
  }

  @Test
  void theDynosQuotaRefusesAScaleUpButNeverAScaleDown() throws Exception {
    Tenant tenant = tenant("{\"dynos\": 2}");
    String app = deployedApp(tenant);

    Response refused = scale(tenant, app, "{\"type\": \"web\", \"quantity\": 3}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).isEqualTo("Quota exceeded: dynos 1 of 2 used by "
        + tenant.email() + ", 3 with this change; ask an operator to raise it.");
    assertThat(web(tenant, app)).isEqualTo(new JsonObject().put("type", "web").put("quantity", 1)
        .put("size", "standard").put("command", "serve"));
    assertThat(platform.dynos.running(app)).containsOnlyKeys("web.1");
    assertThat(log(tenant, app)).doesNotContain("Scaled to");

    assertThat(scale(tenant, app, "{\"type\": \"web\", \"quantity\": 2}").status()).isEqualTo(200);
    limit(tenant, "{\"dynos\": 1}");
    assertThat(scale(tenant, app, "{\"type\": \"web\", \"quantity\": 3}").json().getString("message"))
        .startsWith("Quota exceeded: dynos 2 of 1 used by " + tenant.email() + ";");
    assertThat(scale(tenant, app, "{\"type\": \"web\", \"quantity\": 1}").status()).isEqualTo(200);
  }

  @Test
  void theMemoryQuotaRefusesAResizeToALargerDyno() throws Exception {
    Tenant tenant = tenant("{\"memory\": 1024}");
    String app = deployedApp(tenant);

    Response refused = scale(tenant, app, "{\"type\": \"web\", \"size\": \"performance\"}");

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).isEqualTo("Quota exceeded: memory 512 MB of 1024 MB used by "
        + tenant.email() + ", 2048 MB with this change; ask an operator to raise it.");
    assertThat(web(tenant, app).getString("size")).isEqualTo("standard");
    assertThat(platform.dynos.running(app).get("web.1").memoryBytes()).isEqualTo(512L * 1024 * 1024);
    assertThat(scale(tenant, app, "{\"type\": \"web\", \"quantity\": 2}").status()).isEqualTo(200);
    assertThat(log(tenant, app)).contains("app[api]: Scaled to web@2:Standard by user " + tenant.email());
  }

  @Test
  void theAddonsQuotaRefusesAnotherAddonBeforeProvisioningIt() throws Exception {
    Tenant tenant = tenant("{\"addons\": 1}");
    String app = api.newApp(tenant.token());
    assertThat(addon(tenant, app).status()).isEqualTo(201);
    int live = platform.postgres.live.size();

    Response refused = addon(tenant, app);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).isEqualTo("Quota exceeded: addons 1 of 1 used by "
        + tenant.email() + "; ask an operator to raise it.");
    assertThat(platform.postgres.live).hasSize(live);
    assertThat(api.call("GET", "/apps/" + app + "/addons", tenant.token(), null).array()).hasSize(1);
    assertThat(api.call("GET", "/apps/" + app + "/config-vars", tenant.token(), null).json().fieldNames())
        .containsExactly("DATABASE_URL");
  }

  @Test
  void theBuildsQuotaRefusesAPushBeforeItBuilds() throws Exception {
    Tenant tenant = tenant("{\"builds\": 1}");
    String app = api.newApp(tenant.token());
    App found = platform.apps.byName(app).await(10, TimeUnit.SECONDS).orElseThrow();
    platform.builds.insert(found.id(), found.ownerId(), "0123456789abcdef").await(10, TimeUnit.SECONDS);

    GitPush.Result pushed = GitPush.push(work, platform.port, app, tenant.token());

    assertThat(pushed.exitCode()).isNotZero();
    assertThat(pushed.output())
        .contains("remote: -----> Deploy failed: Quota exceeded: builds 1 of 1 used by " + tenant.email()
            + "; ask an operator to raise it.")
        .contains("[remote rejected] main -> main (deploy failed)")
        .doesNotContain("Building");
    assertThat(api.call("GET", "/apps/" + app + "/builds", tenant.token(), null).array()).hasSize(1);
  }

  private record Tenant(String email, String token) {
  }

  /** A new user with these limits, set by the admin. */
  private static Tenant tenant(String limits) throws Exception {
    String email = "quota-" + UUID.randomUUID() + "@example.com";
    Tenant tenant = new Tenant(email, api.newUser(email));
    limit(tenant, limits);
    return tenant;
  }

  private static void limit(Tenant tenant, String limits) throws Exception {
    JsonObject body = new JsonObject(limits).put("user", tenant.email());
    Response set = api.call("PATCH", "/admin/quotas", api.adminToken, body.encode());
    assertThat(set.status()).as(set.body()).isEqualTo(200);
  }

  private static String deployedApp(Tenant tenant) throws Exception {
    String app = api.newApp(tenant.token());
    deploy(app, "img:1", Map.of("web", "serve"), null);
    return app;
  }

  private static Response scale(Tenant tenant, String app, String update) throws Exception {
    return api.call("PATCH", "/apps/" + app + "/formation", tenant.token(), "{\"updates\": [" + update + "]}");
  }

  private static JsonObject web(Tenant tenant, String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/formation", tenant.token(), null).array().getJsonObject(0);
  }

  private static Response addon(Tenant tenant, String app) throws Exception {
    return api.call("POST", "/apps/" + app + "/addons", tenant.token(), "{\"plan\": \"postgres\"}");
  }

  private static String log(Tenant tenant, String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/logs", tenant.token(), null).body();
  }
}
