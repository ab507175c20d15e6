package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** {@code admin:users} and {@code admin:teams}: the platform's accounts, as the admin API lists them. */
class AdminAccountsTest extends CliTest {
  @Override
  protected void seed() {
    platform.admin = true;
  }

  @Test
  void listsTheUsersWithTheirPersonalApps() {
    platform.adminApi.accounts.add(new JsonObject().put("id", 1).put("email", "admin@example.com").put("admin", true)
        .put("created_at", "2026-11-27T10:00:00Z").put("apps", 0));
    platform.adminApi.accounts.add(new JsonObject().put("id", 2).put("email", "alice@example.com").put("admin", false)
        .put("created_at", "2026-11-27T10:05:00Z").put("apps", 3));

    CliRunner.Result result = cli.run("admin:users");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Users\n"
        + "Email              Admin  Apps  Created\n"
        + "admin@example.com  yes    0     2026-11-27 10:00 UTC\n"
        + "alice@example.com  no     3     2026-11-27 10:05 UTC\n");
  }

  @Test
  void listsTheTeamsWithTheirMembersAndApps() {
    platform.adminApi.teams.add(new JsonObject().put("name", "shop").put("created_at", "2026-11-27T10:00:00Z")
        .put("members", 4).put("apps", 2));

    CliRunner.Result result = cli.run("admin:teams");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Teams\n"
        + "Team  Members  Apps  Created\n"
        + "shop  4        2     2026-11-27 10:00 UTC\n");
    assertThat(new JsonArray(cli.run("admin:teams", "--json").out()).getJsonObject(0).getInteger("members"))
        .isEqualTo(4);
  }

  @Test
  void sayWhenThereAreNoTeams() {
    assertThat(cli.run("admin:teams").out()).isEqualTo("There are no teams.\n");
  }

  @Test
  void aNonAdminGetsTheApisRefusal() {
    platform.admin = false;

    CliRunner.Result result = cli.run("admin:users");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("ERROR: Only an admin");
  }
}
