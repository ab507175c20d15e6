package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdminQuotasTest extends CliTest {
  private static final String ALICE = "alice@example.com";

  @Override
  protected void seed() {
    platform.admin = true;
    platform.adminApi.addUser(ALICE, Map.of("apps", 3L, "dynos", 4L, "memory", 2048L, "addons", 1L));
  }

  @Test
  void showsAUsersUseAndLimitsMarkingTheDefaults() {
    platform.adminApi.users.get(ALICE).getJsonArray("quotas").getJsonObject(0).put("limit", 10).put("default", false);

    CliRunner.Result result = cli.run("admin:quotas", "--user", ALICE);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Quotas of alice@example.com\n"
        + "Quota   Used     Limit\n"
        + "apps    3        10\n"
        + "dynos   4        100 (default)\n"
        + "memory  2048 MB  65536 MB (default)\n"
        + "addons  1        50 (default)\n"
        + "builds  0        2 (default)\n");
    assertThat(platform.requests)
        .anyMatch(r -> r.path().equals("/admin/quotas") && r.query().equals("user=alice%40example.com"));
  }

  @Test
  void withoutAUserShowsTheDefaultsAndWhoHasTheirOwn() {
    cli.run("admin:quotas:set", "--user", ALICE, "apps=10", "memory=4096");

    CliRunner.Result result = cli.run("admin:quotas");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Default quotas\n"
        + "apps    50\n"
        + "dynos   100\n"
        + "memory  65536 MB\n"
        + "addons  50\n"
        + "builds  2\n"
        + "=== Users with their own quotas\n"
        + "alice@example.com  apps=10 memory=4096 MB\n");
  }

  @Test
  void setsLimitsInOneRequestAndShowsTheResult() {
    CliRunner.Result result = cli.run("admin:quotas:set", "--user", ALICE, "apps=10", "dynos=20", "memory=4096",
        "addons=5", "builds=default");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .startsWith("Setting quotas of alice@example.com... done\n=== Quotas of alice@example.com\n")
        .contains("apps    3        10\n")
        .contains("builds  0        2 (default)\n");
    FakePlatform.Request patch = platform.requests.stream().filter(r -> r.method().equals("PATCH")).findFirst()
        .orElseThrow();
    assertThat(new JsonObject(patch.body())).isEqualTo(new JsonObject().put("user", ALICE).put("apps", 10)
        .put("dynos", 20).put("memory", 4096).put("addons", 5).putNull("builds"));
  }

  @Test
  void aMalformedLimitIsRefusedBeforeAnythingIsSent() {
    CliRunner.Result result = cli.run("admin:quotas:set", "--user", ALICE, "apps=10", "dynos=lots");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: dynos=lots is invalid: use QUOTA=LIMIT, with a whole number or "
        + "default.\n");
    assertThat(platform.requests).noneMatch(r -> r.method().equals("PATCH"));
  }

  @Test
  void theApisRefusalsAreShown() {
    CliRunner.Result unknown = cli.run("admin:quotas", "--user", "nobody@example.com");
    platform.admin = false;
    CliRunner.Result notAdmin = cli.run("admin:quotas:set", "--user", ALICE, "apps=1");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("ERROR: No user 'nobody@example.com'.\n");
    assertThat(notAdmin.exitCode()).isEqualTo(1);
    assertThat(notAdmin.err()).isEqualTo("ERROR: Only an admin can see quotas.\n");
  }
}
