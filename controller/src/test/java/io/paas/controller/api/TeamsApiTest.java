package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Account;
import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TeamsApiTest extends ApiTestBase {
  Account admin;
  Account member;
  Account viewer;
  String team;

  @BeforeEach
  void aTeamWithAMemberAndAViewer() throws Exception {
    admin = api.newAccount();
    member = api.newAccount();
    viewer = api.newAccount();
    team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.call("POST", "/teams", admin.token(), body("name", team)).status()).isEqualTo(201);
    add(member, "member");
    add(viewer, "viewer");
  }

  @Test
  void theCreatorIsItsAdminAndEachMemberSeesTheTeamWithTheirRole() throws Exception {
    JsonArray mine = api.call("GET", "/teams", viewer.token(), null).array();
    assertThat(mine).hasSize(1);
    assertThat(mine.getJsonObject(0).getString("name")).isEqualTo(team);
    assertThat(mine.getJsonObject(0).getString("role")).isEqualTo("viewer");

    JsonObject shown = api.call("GET", "/teams/" + team, viewer.token(), null).json();
    assertThat(shown.getString("role")).isEqualTo("viewer");
    assertThat(shown.getJsonArray("members").stream().map(m -> ((JsonObject) m).getString("email") + " "
        + ((JsonObject) m).getString("role")))
        .containsExactlyInAnyOrder(admin.email() + " admin", member.email() + " member", viewer.email() + " viewer");
  }

  @Test
  void namesFollowTheAppRulesAndAreUnique() throws Exception {
    String token = api.newUser();
    Response bad = api.call("POST", "/teams", token, body("name", "Not Valid"));
    assertThat(bad.status()).isEqualTo(422);
    assertThat(bad.json().getString("message")).contains("lowercase");
    Response taken = api.call("POST", "/teams", token, body("name", team));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().getString("message")).contains(team);
  }

  @Test
  void anotherUsersTeamIsA404AndTheirTeamsAreNotListed() throws Exception {
    String stranger = api.newUser();
    Response response = api.call("GET", "/teams/" + team, stranger, null);
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().getString("message")).isEqualTo("Couldn't find that team.");
    assertThat(api.call("GET", "/teams/missing-" + team, stranger, null).json()).isEqualTo(response.json());
    assertThat(api.call("GET", "/teams", stranger, null).array()).isEmpty();
  }

  @Test
  void onlyAdminsManageMembersAndTheyAreToldWhy() throws Exception {
    Account other = api.newAccount();
    Response byMember = api.call("POST", "/teams/" + team + "/members", member.token(),
        body("email", other.email(), "role", "viewer"));
    assertThat(byMember.status()).isEqualTo(403);
    assertThat(byMember.json().getString("message"))
        .isEqualTo("You are a member of team " + team + ": only its admins can manage its members.");
    assertThat(api.call("DELETE", "/teams/" + team + "/members/" + viewer.email(), viewer.token(), null).status())
        .isEqualTo(403);
  }

  @Test
  void membersAreAddedChangedAndRemovedWithTheirInputChecked() throws Exception {
    Account other = api.newAccount();
    Response added = api.call("POST", "/teams/" + team + "/members", admin.token(),
        body("email", other.email().toUpperCase(), "role", "viewer"));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().getString("email")).isEqualTo(other.email());
    assertThat(api.call("POST", "/teams/" + team + "/members", admin.token(),
        body("email", other.email(), "role", "member")).status()).isEqualTo(409);
    Response unknown = api.call("POST", "/teams/" + team + "/members", admin.token(),
        body("email", "ghost@example.com", "role", "member"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().getString("message")).isEqualTo("No user has the email 'ghost@example.com'.");
    Response badRole = api.call("POST", "/teams/" + team + "/members", admin.token(),
        body("email", api.newAccount().email(), "role", "owner"));
    assertThat(badRole.status()).isEqualTo(422);
    assertThat(badRole.json().getString("message")).isEqualTo("Role must be admin, member or viewer.");

    Response changed = api.call("PATCH", "/teams/" + team + "/members/" + other.email(), admin.token(),
        body("role", "member"));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.json().getString("role")).isEqualTo("member");
    assertThat(api.call("DELETE", "/teams/" + team + "/members/" + other.email(), admin.token(), null).status())
        .isEqualTo(200);
    assertThat(api.call("GET", "/teams/" + team, other.token(), null).status()).isEqualTo(404);
    assertThat(api.call("DELETE", "/teams/" + team + "/members/" + other.email(), admin.token(), null).status())
        .isEqualTo(404);
  }

  @Test
  void theLastAdminCanNeitherLeaveNorStepDownUntilThereIsAnother() throws Exception {
    String self = "/teams/" + team + "/members/" + admin.email();
    Response demoted = api.call("PATCH", self, admin.token(), body("role", "member"));
    assertThat(demoted.status()).isEqualTo(422);
    assertThat(demoted.json().getString("message")).isEqualTo(admin.email() + " is the last admin of team " + team
        + ": make another member an admin first.");
    assertThat(api.call("DELETE", self, admin.token(), null).status()).isEqualTo(422);

    api.call("PATCH", "/teams/" + team + "/members/" + member.email(), admin.token(), body("role", "admin"));
    assertThat(api.call("PATCH", self, admin.token(), body("role", "viewer")).status()).isEqualTo(200);
    assertThat(api.call("PATCH", "/teams/" + team + "/members/" + member.email(), member.token(),
        body("role", "member")).status()).isEqualTo(422);
  }

  @Test
  void membersCreateAppsInTheTeamAndViewersOnlyLookAtThem() throws Exception {
    String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = api.call("POST", "/apps", member.token(), body("name", app, "team", team));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getString("team")).isEqualTo(team);
    assertThat(created.json().getString("owner")).isNull();
    assertThat(created.json().getString("role")).isEqualTo("member");

    Response byViewer = api.call("POST", "/apps", viewer.token(), body("name", app + "-2", "team", team));
    assertThat(byViewer.status()).isEqualTo(403);
    assertThat(byViewer.json().getString("message"))
        .isEqualTo("You are a viewer of team " + team + ": only its admins and members can add apps to it.");
    assertThat(api.call("POST", "/apps", api.newUser(), body("name", app + "-3", "team", team)).status())
        .isEqualTo(404);

    JsonObject seen = api.call("GET", "/apps/" + app, viewer.token(), null).json();
    assertThat(seen.getString("role")).isEqualTo("viewer");
    Response change = api.call("POST", "/apps/" + app + "/domains", viewer.token(), body("hostname", "x.example.com"));
    assertThat(change.status()).isEqualTo(403);
    assertThat(change.json().getString("message")).isEqualTo("You are a viewer of team " + team
        + ": only its admins and members can deploy and configure " + app + ".");
    Response destroy = api.call("DELETE", "/apps/" + app, member.token(), null);
    assertThat(destroy.status()).isEqualTo(403);
    assertThat(destroy.json().getString("message")).isEqualTo("You are a member of team " + team
        + ": only its admins can destroy, transfer or share " + app + ".");
    assertThat(api.call("DELETE", "/apps/" + app, admin.token(), null).status()).isEqualTo(200);
  }

  @Test
  void leavingTheTeamLeavesItsApps() throws Exception {
    String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
    api.call("POST", "/apps", admin.token(), body("name", app, "team", team));
    assertThat(api.call("GET", "/apps/" + app, member.token(), null).status()).isEqualTo(200);

    api.call("DELETE", "/teams/" + team + "/members/" + member.email(), admin.token(), null);

    assertThat(api.call("GET", "/apps/" + app, member.token(), null).status()).isEqualTo(404);
    assertThat(api.call("GET", "/apps", member.token(), null).array()).isEmpty();
  }

  @Test
  void aTeamAppsAccessIsItsTeamsAndIsManagedThere() throws Exception {
    String app = "app-" + UUID.randomUUID().toString().substring(0, 8);
    api.call("POST", "/apps", admin.token(), body("name", app, "team", team));

    JsonArray access = api.call("GET", "/apps/" + app + "/collaborators", viewer.token(), null).array();
    assertThat(access.stream().map(m -> ((JsonObject) m).getString("role"))).containsExactlyInAnyOrder("admin",
        "member", "viewer");
    Response add = api.call("POST", "/apps/" + app + "/collaborators", admin.token(),
        body("email", api.newAccount().email()));
    assertThat(add.status()).isEqualTo(422);
    assertThat(add.json().getString("message")).contains("manage access through the team");
  }

  private void add(Account account, String role) throws Exception {
    Response added = api.call("POST", "/teams/" + team + "/members", admin.token(),
        body("email", account.email(), "role", role));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
  }
}
