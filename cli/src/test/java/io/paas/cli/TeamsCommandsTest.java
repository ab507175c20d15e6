package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TeamsCommandsTest extends CliTest {
  @Test
  void teamsListsEachTeamWithYourRole() {
    platform.teams.addTeam("acme", "admin");
    platform.teams.addTeam("blue-sky", "viewer");

    CliRunner.Result result = cli.run("teams");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Team      Role\n"
        + "acme      admin\n"
        + "blue-sky  viewer\n");
  }

  @Test
  void teamsSaysWhenYouAreInNone() {
    assertThat(cli.run("teams").out()).isEqualTo("You are not a member of any team.\n");
  }

  @Test
  void createSendsTheName() {
    CliRunner.Result result = cli.run("teams:create", "acme");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Creating team acme... done\n");
    assertThat(platform.firstBody("POST", "/teams")).isEqualTo(new JsonObject().put("name", "acme"));
  }

  @Test
  void membersListsEmailsAndRoles() {
    platform.teams.addTeam("acme", "admin", "bob@example.com member", "carol@example.com viewer");

    CliRunner.Result result = cli.run("members", "-t", "acme");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Members of acme\n"
        + "dev@example.com    admin\n"
        + "bob@example.com    member\n"
        + "carol@example.com  viewer\n");
  }

  @Test
  void memberCommandsNeedATeam() {
    CliRunner.Result result = cli.run("members");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--team");
  }

  @Test
  void addSendsTheEmailAndRole() {
    platform.teams.addTeam("acme", "admin");

    CliRunner.Result result = cli.run("members:add", "bob@example.com", "--role", "viewer", "-t", "acme");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Adding bob@example.com to acme as viewer... done\n");
    assertThat(platform.firstBody("POST", "/teams/acme/members"))
        .isEqualTo(new JsonObject().put("email", "bob@example.com").put("role", "viewer"));
  }

  @Test
  void setChangesTheRole() {
    platform.teams.addTeam("acme", "admin", "bob@example.com member");

    CliRunner.Result result = cli.run("members:set", "bob@example.com", "--role", "admin", "--team", "acme");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Changing bob@example.com in acme to admin... done\n");
    assertThat(platform.firstBody("PATCH", "/teams/acme/members/bob%40example.com"))
        .isEqualTo(new JsonObject().put("role", "admin"));
  }

  @Test
  void theLastAdminStaysAndIsToldWhy() {
    platform.teams.addTeam("acme", "admin", "bob@example.com member");

    CliRunner.Result result = cli.run("members:set", "dev@example.com", "--role", "member", "-t", "acme");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Changing dev@example.com in acme to member... !\n");
    assertThat(result.err()).isEqualTo(
        "ERROR: dev@example.com is the last admin of team acme: make another member an admin first.\n");
  }

  @Test
  void removeTakesTheMemberOut() {
    platform.teams.addTeam("acme", "admin", "bob@example.com member");

    CliRunner.Result result = cli.run("members:remove", "bob@example.com", "-t", "acme");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Removing bob@example.com from acme... done\n");
    assertThat(platform.requests("DELETE", "/teams/acme/members/bob%40example.com")).hasSize(1);
  }
}
