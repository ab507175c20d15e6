package io.paas.cli;

import static io.paas.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SettingsCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void maintenanceSaysOnOrOff() {
    assertThat(cli.run("maintenance", "-a", "blog").out()).isEqualTo("off\n");

    platform.apps.get("blog").put("maintenance", true);

    assertThat(cli.run("maintenance", "-a", "blog").out()).isEqualTo("on\n");
  }

  @Test
  void maintenanceOnAndOffPatchTheAppAsHerokuWordsIt() {
    CliRunner.Result on = cli.run("maintenance:on", "-a", "blog");

    assertThat(on.exitCode()).as(on.err()).isZero();
    assertThat(on.out()).isEqualTo("Enabling maintenance mode for blog... done\n");
    assertThat(platform.firstBody("PATCH", "/apps/blog")).isEqualTo(new JsonObject().put("maintenance", true));

    CliRunner.Result off = cli.run("maintenance:off", "-a", "blog");

    assertThat(off.out()).isEqualTo("Disabling maintenance mode for blog... done\n");
    assertThat(platform.apps.get("blog").getBoolean("maintenance")).isFalse();
  }

  @Test
  void maintenanceFindsTheAppFromTheGitRemote() throws Exception {
    TestGit.init(work);
    git(work, "remote", "add", "paas", platform.url() + "/git/blog.git");

    assertThat(cli.run("maintenance:on").out()).isEqualTo("Enabling maintenance mode for blog... done\n");
  }

  @Test
  void settingsWithoutOptionsShowsThem() {
    CliRunner.Result result = cli.run("apps:settings", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog Settings\n"
        + "Maintenance:       off\n"
        + "Request timeout:   30 s\n"
        + "Health check path: (default: any answer to HEAD /)\n");
    assertThat(platform.requests("PATCH", "/apps/blog")).isEmpty();
  }

  @Test
  void settingsChangesTheTimeoutAndThePathInOneRequest() {
    CliRunner.Result result = cli.run("apps:settings", "--request-timeout", "90", "--health-check-path", "/health",
        "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("PATCH", "/apps/blog"))
        .isEqualTo(new JsonObject().put("request_timeout", 90).put("health_check_path", "/health"));
    assertThat(result.out()).isEqualTo("Updating settings of blog... done\n"
        + "=== blog Settings\n"
        + "Maintenance:       off\n"
        + "Request timeout:   90 s\n"
        + "Health check path: /health\n");
  }

  @Test
  void noHealthCheckPathSendsNullToResetIt() {
    platform.apps.get("blog").put("health_check_path", "/health");

    CliRunner.Result result = cli.run("apps:settings", "--no-health-check-path", "-a", "blog");

    assertThat(platform.firstBody("PATCH", "/apps/blog")).isEqualTo(new JsonObject().putNull("health_check_path"));
    assertThat(result.out()).contains("Health check path: (default: any answer to HEAD /)");
  }

  @Test
  void settingsRefusesBothPathOptionsAndReportsTheApisError() {
    CliRunner.Result both = cli.run("apps:settings", "--health-check-path", "/h", "--no-health-check-path",
        "-a", "blog");
    assertThat(both.exitCode()).isNotZero();
    assertThat(both.err()).contains("mutually exclusive");

    CliRunner.Result tooLong = cli.run("apps:settings", "--request-timeout", "301", "-a", "blog");
    assertThat(tooLong.exitCode()).isEqualTo(1);
    assertThat(tooLong.out()).isEqualTo("Updating settings of blog... !\n");
    assertThat(tooLong.err()).isEqualTo("ERROR: request_timeout must be a whole number of seconds from 1 to 300.\n");
  }
}
