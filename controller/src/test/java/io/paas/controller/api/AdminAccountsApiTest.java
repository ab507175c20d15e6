package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Account;
import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The admin's lists of users and teams: every one on the platform, counted, and for nobody else's eyes. */
class AdminAccountsApiTest extends ApiTestBase {
  @Test
  void theUsersListCountsEachUsersPersonalAppsButNotTheirTeamsApps() throws Exception {
    Account owner = api.newAccount();
    api.newApp(owner.token());
    api.newApp(owner.token());
    String team = newTeam(owner.token());
    createApp(owner.token(), team);
    Account idle = api.newAccount();

    Response users = api.call("GET", "/admin/users", api.adminToken, null);

    assertThat(users.status()).as(users.body()).isEqualTo(200);
    JsonObject listed = byField(users.array(), "email", owner.email());
    assertThat(listed.fieldNames()).containsExactlyInAnyOrder("id", "email", "admin", "created_at", "apps");
    assertThat(listed.getLong("apps")).isEqualTo(2);
    assertThat(listed.getBoolean("admin")).isFalse();
    assertThat(listed.getLong("id")).isEqualTo(api.call("GET", "/account", owner.token(), null).json().getLong("id"));
    assertThat(listed.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(byField(users.array(), "email", idle.email()).getLong("apps")).isZero();
    assertThat(byField(users.array(), "email", ApiFixture.ADMIN_EMAIL).getBoolean("admin")).isTrue();
    assertThat(users.body()).doesNotContain("password").doesNotContain("$2");
  }

  @Test
  void theTeamsListShowsEveryTeamWithItsMembersAndAppsThoughTheAdminIsInNone() throws Exception {
    Account founder = api.newAccount();
    Account member = api.newAccount();
    String team = newTeam(founder.token());
    assertThat(api.call("POST", "/teams/" + team + "/members", founder.token(),
        body("email", member.email(), "role", "member")).status()).isEqualTo(201);
    createApp(member.token(), team);
    String empty = newTeam(api.newUser());

    Response teams = api.call("GET", "/admin/teams", api.adminToken, null);

    assertThat(teams.status()).as(teams.body()).isEqualTo(200);
    JsonObject listed = byField(teams.array(), "name", team);
    assertThat(listed.fieldNames()).containsExactlyInAnyOrder("name", "created_at", "members", "apps");
    assertThat(listed.getLong("members")).isEqualTo(2);
    assertThat(listed.getLong("apps")).isEqualTo(1);
    assertThat(byField(teams.array(), "name", empty).getLong("apps")).isZero();
  }

  @Test
  void onlyAnAdminListsUsersAndTeams() throws Exception {
    String user = api.newUser();
    newTeam(user);
    for (String path : new String[] {"/admin/users", "/admin/teams"}) {
      Response plain = api.call("GET", path, user, null);
      assertThat(plain.status()).as(path).isEqualTo(403);
      assertThat(plain.body()).doesNotContain("@example.com");
      assertThat(api.call("GET", path, null, null).status()).as(path).isEqualTo(401);
      assertThat(api.call("GET", path, "paas_not-a-real-token", null).status()).as(path).isEqualTo(401);
    }
  }

  private static String newTeam(String token) throws Exception {
    String name = "team-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.call("POST", "/teams", token, body("name", name)).status()).isEqualTo(201);
    return name;
  }

  private static void createApp(String token, String team) throws Exception {
    String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = api.call("POST", "/apps", token, body("name", name, "team", team));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static JsonObject byField(JsonArray list, String field, String value) {
    return list.stream().map(JsonObject.class::cast).filter(item -> value.equals(item.getString(field))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + list.encode()));
  }
}
