package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AccessCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void accessListsTheOwnerThenCollaborators() {
    platform.teams.collaboratorsOf(platform.apps.get("blog"))
        .add(new JsonObject().put("email", "bob@example.com").put("role", "collaborator"));

    CliRunner.Result result = cli.run("access", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog Access List\n"
        + "dev@example.com  owner\n"
        + "bob@example.com  collaborator\n");
  }

  @Test
  void aTeamAppsAccessListIsItsTeam() {
    platform.teams.addTeam("acme", "member", "boss@example.com admin");
    platform.teams.addTeamApp("api", "acme");

    CliRunner.Result result = cli.run("access", "-a", "api");

    assertThat(result.out()).isEqualTo("=== api Access List\n"
        + "dev@example.com   member\n"
        + "boss@example.com  admin\n");
  }

  @Test
  void addSendsTheEmail() {
    CliRunner.Result result = cli.run("access:add", "bob@example.com", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Adding bob@example.com access to the app blog... done\n");
    assertThat(platform.firstBody("POST", "/apps/blog/collaborators"))
        .isEqualTo(new JsonObject().put("email", "bob@example.com"));
  }

  @Test
  void addToATeamAppPointsAtTheTeam() {
    platform.teams.addTeam("acme", "admin");
    platform.teams.addTeamApp("api", "acme");

    CliRunner.Result result = cli.run("access:add", "bob@example.com", "-a", "api");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: api belongs to team acme: manage access through the team "
        + "(paas members:add EMAIL -t acme).\n");
  }

  @Test
  void removeDeletesTheCollaborator() {
    platform.teams.collaboratorsOf(platform.apps.get("blog"))
        .add(new JsonObject().put("email", "bob@example.com").put("role", "collaborator"));

    CliRunner.Result result = cli.run("access:remove", "bob@example.com", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Removing bob@example.com access from the app blog... done\n");
    assertThat(platform.teams.collaboratorsOf(platform.apps.get("blog"))).isEmpty();
  }

  @Test
  void transferSendsTheRecipient() {
    CliRunner.Result result = cli.run("apps:transfer", "acme", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Transferring blog to acme... done\n");
    assertThat(platform.firstBody("POST", "/apps/blog/transfer")).isEqualTo(new JsonObject().put("to", "acme"));
  }
}
