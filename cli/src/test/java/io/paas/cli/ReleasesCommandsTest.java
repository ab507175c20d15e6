package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ReleasesCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void listsReleasesNewestFirstMarkingTheCurrentAndTheFailed() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");
    platform.addRelease("blog", "succeeded", "Set FOO config vars");
    platform.addRelease("blog", "failed", "Deploy def5678");

    CliRunner.Result result = cli.run("releases", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog Releases\n"
        + "v3  Deploy def5678       dev@example.com  2026-11-27 10:03 UTC  failed\n"
        + "v2  Set FOO config vars  dev@example.com  2026-11-27 10:02 UTC  (current)\n"
        + "v1  Deploy abc1234       dev@example.com  2026-11-27 10:01 UTC\n");
  }

  @Test
  void listsOnlyTheNewestNum() {
    for (int i = 1; i <= 12; i++) {
      platform.addRelease("blog", "succeeded", "Deploy " + i);
    }

    CliRunner.Result result = cli.run("releases", "-a", "blog", "-n", "2");

    assertThat(result.out()).startsWith("=== blog Releases\nv12  Deploy 12").contains("\nv11  ").doesNotContain("v10");
  }

  @Test
  void saysWhenThereAreNoReleases() {
    assertThat(cli.run("releases", "-a", "blog").out()).isEqualTo("blog has no releases yet.\n");
  }

  @Test
  void infoShowsTheCurrentReleaseWithConfigVarNamesOnly() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");
    platform.addRelease("blog", "succeeded", "Deploy def5678");
    platform.addRelease("blog", "failed", "Deploy 0badc0d");
    platform.configVars.put("blog", new JsonObject().put("FOO", "secret-foo").put("DATABASE_URL", "postgres://secret"));

    CliRunner.Result result = cli.run("releases:info", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Release v2\n"
        + "By:            dev@example.com\n"
        + "Change:        Deploy def5678\n"
        + "When:          2026-11-27 10:02 UTC\n"
        + "Status:        succeeded (current)\n"
        + "Image:         paas/blog:v2\n"
        + "Process types: web, worker\n"
        + "Config vars:   DATABASE_URL, FOO\n");
    assertThat(platform.requests("GET", "/apps/blog/releases/2")).hasSize(1);
  }

  @Test
  void infoOfANamedRelease() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");
    platform.addRelease("blog", "failed", "Deploy def5678");

    CliRunner.Result result = cli.run("releases:info", "v2", "-a", "blog");

    assertThat(result.out()).startsWith("=== Release v2\n").contains("Status:        failed\n");
    assertThat(platform.requests("GET", "/apps/blog/releases")).isEmpty();
  }

  @Test
  void infoOfAMissingReleaseSaysSo() {
    CliRunner.Result result = cli.run("releases:info", "v9", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find release 9.\n");
  }

  @Test
  void rollbackGoesToTheLastSucceededReleaseBeforeTheCurrent() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");
    platform.addRelease("blog", "failed", "Deploy def5678");
    platform.addRelease("blog", "succeeded", "Deploy 0badc0d");

    CliRunner.Result result = cli.run("releases:rollback", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Rolling back blog to v1... done, v4\n");
    assertThat(platform.firstBody("POST", "/apps/blog/releases"))
        .isEqualTo(new JsonObject().put("release", 1));
  }

  @Test
  void rollbackToANamedRelease() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");
    platform.addRelease("blog", "succeeded", "Deploy def5678");
    platform.addRelease("blog", "succeeded", "Deploy 0badc0d");

    CliRunner.Result result = cli.run("releases:rollback", "v2", "-a", "blog");

    assertThat(result.out()).isEqualTo("Rolling back blog to v2... done, v4\n");
    assertThat(platform.firstBody("POST", "/apps/blog/releases"))
        .isEqualTo(new JsonObject().put("release", 2));
  }

  @Test
  void rollbackToAMissingReleasePrintsTheApiMessage() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");

    CliRunner.Result result = cli.run("releases:rollback", "v7", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Rolling back blog to v7... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find release 7.\n");
  }

  @Test
  void rollbackWithNothingEarlierSendsNothing() {
    platform.addRelease("blog", "succeeded", "Deploy abc1234");

    CliRunner.Result result = cli.run("releases:rollback", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: blog has no release before v1 to roll back to.\n");
    assertThat(platform.requests("POST", "/apps/blog/releases")).isEmpty();
  }

  @Test
  void aVersionThatIsNoVersionIsRejectedBeforeAnyCall() {
    CliRunner.Result result = cli.run("releases:rollback", "latest", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Release latest is not a version like v3.\n");
    assertThat(platform.requests).isEmpty();
  }
}
