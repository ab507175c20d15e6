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

/** Collaborators on personal apps, what {@code GET /apps} lists, and moving apps between users and teams. */
class AppSharingApiTest extends ApiTestBase {
  Account owner;
  Account collaborator;
  String app;

  @BeforeEach
  void anAppWithACollaborator() throws Exception {
    owner = api.newAccount();
    collaborator = api.newAccount();
    app = api.newApp(owner.token());
    Response added = api.call("POST", "/apps/" + app + "/collaborators", owner.token(),
        body("email", collaborator.email()));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().getString("role")).isEqualTo("collaborator");
  }

  @Test
  void collaboratorsDeployAndConfigureButNeitherDestroyNorShare() throws Exception {
    assertThat(api.call("POST", "/apps/" + app + "/domains", collaborator.token(),
        body("hostname", app + ".example.com")).status()).isEqualTo(201);
    assertThat(api.call("GET", "/apps/" + app + "/config-vars", collaborator.token(), null).status())
        .isEqualTo(200);

    Response destroy = api.call("DELETE", "/apps/" + app, collaborator.token(), null);
    assertThat(destroy.status()).isEqualTo(403);
    assertThat(destroy.json().getString("message"))
        .isEqualTo("You are a collaborator on " + app + ": only its owner can destroy, transfer or share it.");
    assertThat(api.call("POST", "/apps/" + app + "/collaborators", collaborator.token(),
        body("email", api.newAccount().email())).status()).isEqualTo(403);
    assertThat(api.call("POST", "/apps/" + app + "/transfer", collaborator.token(),
        body("to", collaborator.email())).status()).isEqualTo(403);
  }

  @Test
  void theAccessListHasTheOwnerFirstAndIsManagedByTheOwner() throws Exception {
    JsonArray access = api.call("GET", "/apps/" + app + "/collaborators", collaborator.token(), null).array();
    assertThat(access.stream().map(m -> ((JsonObject) m).getString("email") + " " + ((JsonObject) m).getString("role")))
        .containsExactly(owner.email() + " owner", collaborator.email() + " collaborator");

    assertThat(api.call("POST", "/apps/" + app + "/collaborators", owner.token(),
        body("email", collaborator.email())).status()).isEqualTo(409);
    assertThat(api.call("POST", "/apps/" + app + "/collaborators", owner.token(),
        body("email", owner.email())).status()).isEqualTo(422);
    assertThat(api.call("POST", "/apps/" + app + "/collaborators", owner.token(),
        body("email", "ghost@example.com")).status()).isEqualTo(422);

    Response removed = api.call("DELETE", "/apps/" + app + "/collaborators/" + collaborator.email().toUpperCase(),
        owner.token(), null);
    assertThat(removed.status()).isEqualTo(200);
    assertThat(api.call("GET", "/apps/" + app, collaborator.token(), null).status()).isEqualTo(404);
    assertThat(api.call("DELETE", "/apps/" + app + "/collaborators/" + collaborator.email(), owner.token(), null)
        .status()).isEqualTo(404);
  }

  @Test
  void appsListsOwnCollaboratedAndTeamAppsWithTheCallersRole() throws Exception {
    String team = newTeam(collaborator);
    String teamApp = "app-" + UUID.randomUUID().toString().substring(0, 8);
    api.call("POST", "/apps", collaborator.token(), body("name", teamApp, "team", team));
    String own = api.newApp(collaborator.token());

    JsonArray apps = api.call("GET", "/apps", collaborator.token(), null).array();

    assertThat(apps.stream().map(o -> (JsonObject) o).map(a -> a.getString("name") + " " + a.getString("role")
        + " " + a.getString("owner") + " " + a.getString("team")))
        .containsExactlyInAnyOrder(app + " collaborator " + owner.email() + " null",
            teamApp + " admin null " + team, own + " owner " + collaborator.email() + " null");
  }

  @Test
  void theOwnerHandsTheAppToACollaboratorAndStaysOnAsOne() throws Exception {
    Response moved = api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", collaborator.email()));

    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("owner")).isEqualTo(collaborator.email());
    assertThat(api.call("GET", "/apps/" + app, collaborator.token(), null).json().getString("role"))
        .isEqualTo("owner");
    assertThat(api.call("GET", "/apps/" + app, owner.token(), null).json().getString("role"))
        .isEqualTo("collaborator");
  }

  @Test
  void nobodyIsHandedAnAppTheyCannotDeployAlready() throws Exception {
    Account stranger = api.newAccount();
    Response refused = api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", stranger.email()));

    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().getString("message")).isEqualTo(stranger.email() + " cannot deploy " + app
        + " yet: add them as a collaborator first, then transfer it.");
    assertThat(api.call("GET", "/apps/" + app, stranger.token(), null).status()).isEqualTo(404);
    assertThat(api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", owner.email())).status())
        .isEqualTo(422);
    assertThat(api.call("POST", "/apps/" + app + "/transfer", owner.token(), "{}").status()).isEqualTo(422);
  }

  @Test
  void intoATeamTheOwnerIsIn() throws Exception {
    String team = newTeam(owner);

    Response moved = api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", team));

    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("team")).isEqualTo(team);
    assertThat(moved.json().getString("owner")).isNull();
    assertThat(api.call("GET", "/apps/" + app, collaborator.token(), null).status())
        .as("collaborators go: a team app is shared through its team").isEqualTo(404);
    assertThat(api.call("GET", "/apps/" + app, owner.token(), null).json().getString("role")).isEqualTo("admin");
    assertThat(api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", team)).status())
        .isEqualTo(422);
  }

  @Test
  void notIntoATeamTheOwnerIsNotInOrOnlyViews() throws Exception {
    String theirs = newTeam(collaborator);
    assertThat(api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", theirs)).status())
        .isEqualTo(404);

    api.call("POST", "/teams/" + theirs + "/members", collaborator.token(),
        body("email", owner.email(), "role", "viewer"));
    Response asViewer = api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", theirs));
    assertThat(asViewer.status()).isEqualTo(403);
    assertThat(api.call("GET", "/apps/" + app, owner.token(), null).json().getString("team")).isNull();
  }

  @Test
  void outOfATeamToOneOfItsMembers() throws Exception {
    String team = newTeam(owner);
    api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", team));
    Account member = api.newAccount();
    api.call("POST", "/teams/" + team + "/members", owner.token(), body("email", member.email(), "role", "member"));

    Response byMember = api.call("POST", "/apps/" + app + "/transfer", member.token(), body("to", member.email()));
    assertThat(byMember.status()).as("only the team's admins move its apps").isEqualTo(403);
    Response moved = api.call("POST", "/apps/" + app + "/transfer", owner.token(), body("to", member.email()));

    assertThat(moved.status()).as(moved.body()).isEqualTo(200);
    assertThat(moved.json().getString("owner")).isEqualTo(member.email());
    assertThat(moved.json().getString("team")).isNull();
    assertThat(api.call("GET", "/apps/" + app, owner.token(), null).status())
        .as("the team's admins keep nothing of an app that left it").isEqualTo(404);
  }

  private static String newTeam(Account admin) throws Exception {
    String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(api.call("POST", "/teams", admin.token(), body("name", team)).status()).isEqualTo(201);
    return team;
  }
}
