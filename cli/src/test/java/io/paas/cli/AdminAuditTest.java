package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AdminAuditTest extends CliTest {
  @Override
  protected void seed() {
    platform.admin = true;
  }

  @Test
  void listsTheEventsOldestFirstWithTheirDetails() {
    platform.adminApi.audit.add(event("2026-11-27T10:05:00Z", "formation.change", "shop", new JsonObject()
        .put("updates", new JsonArray().add(new JsonObject().put("type", "web").put("quantity", 3)))));
    platform.adminApi.audit.add(event("2026-11-27T10:01:00Z", "config.change", "shop", new JsonObject()
        .put("set", new JsonArray().add("API_KEY").add("MODE")).put("removed", new JsonArray())));
    platform.adminApi.audit.add(event("2026-11-27T10:00:00Z", "login", null, new JsonObject()));

    CliRunner.Result result = cli.run("admin:audit");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(
        "Time                  User               Action            App   Address   Details\n"
        + "2026-11-27 10:00 UTC  alice@example.com  login                   10.0.0.7\n"
        + "2026-11-27 10:01 UTC  alice@example.com  config.change     shop  10.0.0.7  set=API_KEY,MODE removed=\n"
        + "2026-11-27 10:05 UTC  alice@example.com  formation.change  shop  10.0.0.7  "
        + "updates=[{\"type\":\"web\",\"quantity\":3}]\n");
  }

  @Test
  void passesTheFiltersToTheApi() {
    CliRunner.Result result = cli.run("admin:audit", "--app", "shop", "--user", "alice@example.com", "-n", "5",
        "--action", "config.change");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("No audit events match.\n");
    assertThat(platform.requests).anyMatch(r -> r.path().equals("/admin/audit")
        && r.query().equals("limit=5&app=shop&user=alice%40example.com&action=config.change"));
  }

  @Test
  void aCountBelowOneIsRefused() {
    CliRunner.Result result = cli.run("admin:audit", "-n", "0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: --num must be at least 1.\n");
  }

  private static JsonObject event(String at, String action, String app, JsonObject details) {
    return new JsonObject().put("id", 1).put("at", at).put("actor", "alice@example.com").put("actor_id", 7)
        .put("action", action).put("app", app).put("details", details).put("address", "10.0.0.7");
  }
}
