package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.builder.BuildResult;
import io.paas.builder.Pusher;
import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.store.App;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit log: every action a user takes on their app, and every login, leaves a row with who, from where and
 * the names involved, never a config value, a credential or a password. Only admins read it.
 */
class AuditApiTest extends ApiTestBase {
  private static final String SECRET = "s3cr3t-" + UUID.randomUUID();

  @Test
  void everyActionOnAnAppLeavesARowThatNamesKeysButHoldsNoSecret() throws Exception {
    String email = newEmail();
    String token = api.newUser(email);
    String app = api.newApp(token);
    pushed(app, email, token);
    call("PATCH", "/apps/" + app + "/config-vars", token, "{\"SECRET_TOKEN\": \"" + SECRET + "\"}", 200);
    call("PATCH", "/apps/" + app + "/config-vars", token, "{\"SECRET_TOKEN\": null}", 200);
    call("POST", "/apps/" + app + "/releases", token, "{\"release\": 1}", 201);
    call("PATCH", "/apps/" + app + "/formation", token, "{\"updates\": [{\"type\": \"web\", \"quantity\": 2}]}", 200);
    call("DELETE", "/apps/" + app + "/dynos", token, null, 202);
    String addon = call("POST", "/apps/" + app + "/addons", token, "{\"plan\": \"postgres\"}", 201).json()
        .getString("name");
    String databaseUrl = call("GET", "/apps/" + app + "/config-vars", token, null, 200).json()
        .getString("DATABASE_URL");
    call("DELETE", "/apps/" + app + "/addons/" + addon, token, null, 200);
    String hostname = "audit-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
    call("POST", "/apps/" + app + "/domains", token, ApiCalls.body("hostname", hostname), 201);
    call("DELETE", "/apps/" + app + "/domains/" + hostname, token, null, 200);
    call("PATCH", "/apps/" + app, token, "{\"maintenance\": true}", 200);
    call("PATCH", "/apps/" + app, token, "{\"request_timeout\": 60}", 200);
    call("PATCH", "/apps/" + app, token, "{\"maintenance\": false}", 200);
    call("DELETE", "/apps/" + app, token, null, 200);

    JsonArray rows = audit("?app=" + app);

    assertThat(rows.stream().map(row -> ((JsonObject) row).getString("action")).toList()).containsExactly(
        "app.destroy", "maintenance.off", "maintenance.on", "domain.remove", "domain.add", "addon.destroy",
        "addon.create", "dynos.restart", "formation.change", "release.rollback", "config.change", "config.change",
        "release.deploy", "app.create");
    JsonObject byUser = rows.getJsonObject(rows.size() - 1);
    assertThat(byUser.getString("actor")).isEqualTo(email);
    assertThat(byUser.getLong("actor_id")).isEqualTo(userId(token));
    assertThat(byUser.getString("address")).isEqualTo("127.0.0.1");
    assertThat(details(rows, "config.change")).containsExactly(
        new JsonObject().put("set", new JsonArray()).put("removed", new JsonArray().add("SECRET_TOKEN")),
        new JsonObject().put("set", new JsonArray().add("SECRET_TOKEN")).put("removed", new JsonArray()));
    JsonObject deploy = rows.stream().map(JsonObject.class::cast)
        .filter(row -> row.getString("action").equals("release.deploy")).findFirst().orElseThrow();
    assertThat(deploy.getString("address")).isEqualTo("203.0.113.7");
    assertThat(deploy.getJsonObject("details").getString("release")).isEqualTo("v1");
    assertThat(details(rows, "release.rollback")).containsExactly(new JsonObject().put("release", "v4")
        .put("to", "v1"));
    assertThat(details(rows, "formation.change")).containsExactly(new JsonObject().put("updates",
        new JsonArray().add(new JsonObject().put("type", "web").put("quantity", 2))));
    assertThat(details(rows, "addon.create").get(0).getJsonArray("config_vars").getList())
        .containsExactly("DATABASE_URL");
    assertThat(details(rows, "domain.add")).containsExactly(new JsonObject().put("hostname", hostname));
    assertThat(audit("?limit=1000").encode()).doesNotContain(SECRET).doesNotContain(databaseUrl)
        .doesNotContain(ApiCalls.USER_PASSWORD);
  }

  @Test
  void loginsAndRefusedLoginsAreRecordedWithoutThePassword() throws Exception {
    String email = newEmail();
    api.newUser(email);
    Response refused = api.call("POST", "/auth/login", null, ApiCalls.body("email", email, "password", SECRET));
    assertThat(refused.status()).isEqualTo(401);

    JsonArray rows = audit("?user=" + email);

    assertThat(rows.stream().map(row -> ((JsonObject) row).getString("action")).toList())
        .containsExactly("login.failed", "login");
    JsonObject failed = rows.getJsonObject(0);
    assertThat(failed.getValue("actor_id")).isNull();
    assertThat(failed.getString("address")).isEqualTo("127.0.0.1");
    assertThat(failed.getValue("app")).isNull();
    assertThat(rows.getJsonObject(1).getLong("actor_id")).isNotNull();
    assertThat(audit("?limit=1000").encode()).doesNotContain(SECRET).doesNotContain(ApiCalls.USER_PASSWORD);
  }

  @Test
  void tokensTeamsAndAccessChangesAreRecordedWithoutTheToken() throws Exception {
    String email = newEmail();
    String token = api.newUser(email);
    String friend = newEmail();
    api.newUser(friend);
    JsonObject made = call("POST", "/auth/tokens", token, ApiCalls.body("description", "ci"), 201).json();
    call("DELETE", "/auth/tokens/" + made.getLong("id"), token, null, 200);
    String app = api.newApp(token);
    call("POST", "/apps/" + app + "/collaborators", token, ApiCalls.body("email", friend), 201);
    call("DELETE", "/apps/" + app + "/collaborators/" + friend, token, null, 200);
    String team = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    call("POST", "/teams", token, ApiCalls.body("name", team), 201);
    call("POST", "/teams/" + team + "/members", token, ApiCalls.body("email", friend, "role", "viewer"), 201);
    call("PATCH", "/teams/" + team + "/members/" + friend, token, ApiCalls.body("role", "member"), 200);
    call("DELETE", "/teams/" + team + "/members/" + friend, token, null, 200);
    call("POST", "/apps/" + app + "/transfer", token, ApiCalls.body("to", team), 200);

    JsonArray rows = audit("?user=" + email);

    assertThat(rows.stream().map(row -> ((JsonObject) row).getString("action")).toList()).containsSubsequence(
        "app.transfer", "team.member.remove", "team.member.role", "team.member.add", "team.create",
        "access.remove", "access.add", "app.create", "token.revoke", "token.create");
    assertThat(details(rows, "team.member.role")).containsExactly(new JsonObject().put("team", team)
        .put("email", friend).put("role", "member"));
    assertThat(details(rows, "access.add")).containsExactly(new JsonObject().put("email", friend));
    assertThat(details(rows, "app.transfer")).containsExactly(new JsonObject().put("to", team));
    assertThat(audit("?limit=1000").encode()).doesNotContain(made.getString("token")).doesNotContain(token);
  }

  @Test
  void theLogIsFilteredNewestFirstAndOnlyForAdmins() throws Exception {
    String email = newEmail();
    String token = api.newUser(email);
    api.newApp(token);
    api.newApp(token);

    assertThat(audit("?user=" + email + "&action=app.create")).hasSize(2);
    JsonArray newest = audit("?user=" + email + "&limit=1");
    assertThat(newest).hasSize(1);
    assertThat(newest.getJsonObject(0).getString("action")).isEqualTo("app.create");
    assertThat(api.call("GET", "/admin/audit?limit=0", api.adminToken, null).status()).isEqualTo(422);
    assertThat(api.call("GET", "/admin/audit?limit=x", api.adminToken, null).status()).isEqualTo(422);
    Response forbidden = api.call("GET", "/admin/audit", token, null);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.json().getString("message")).isEqualTo("Only an admin can read the audit log.");
  }

  /** Deploys a build as a push from 203.0.113.7 would, through the controller's side of git. */
  private static void pushed(String app, String email, String token) throws Exception {
    App found = platform.apps.byName(app).await(10, TimeUnit.SECONDS).orElseThrow();
    long userId = userId(token);
    long build = platform.builds.insert(found.id(), userId, "abcdef1234567").await(10, TimeUnit.SECONDS);
    platform.gateway.release(app, build, new BuildResult("img:1", Map.of("web", "serve"), null),
        new Pusher(userId, email, "203.0.113.7"), line -> { }).await(30, TimeUnit.SECONDS);
  }

  private static long userId(String token) throws Exception {
    return api.call("GET", "/account", token, null).json().getLong("id");
  }

  private static Response call(String method, String path, String token, String body, int status) throws Exception {
    Response response = api.call(method, path, token, body);
    assertThat(response.status()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
    return response;
  }

  private static JsonArray audit(String query) throws Exception {
    return call("GET", "/admin/audit" + query, api.adminToken, null, 200).array();
  }

  private static List<JsonObject> details(JsonArray rows, String action) {
    return rows.stream().map(JsonObject.class::cast).filter(row -> row.getString("action").equals(action))
        .map(row -> row.getJsonObject("details")).toList();
  }

  private static String newEmail() {
    return "audit-" + UUID.randomUUID() + "@example.com";
  }
}
