package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ConfigCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
    platform.addRelease("blog", "succeeded", "Deploy abc1234");
    platform.configVars.put("blog", new JsonObject()
        .put("FOO", "bar")
        .put("DATABASE_URL", "postgres://u:p@db/blog")
        .put("GREETING", "it's here"));
  }

  @Test
  void listsTheVarsSortedAndAligned() {
    CliRunner.Result result = cli.run("config", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog Config Vars\n"
        + "DATABASE_URL: postgres://u:p@db/blog\n"
        + "FOO:          bar\n"
        + "GREETING:     it's here\n");
  }

  @Test
  void shellFormatQuotesOnlyWhatNeedsIt() {
    CliRunner.Result result = cli.run("config", "--shell", "-a", "blog");

    assertThat(result.out()).isEqualTo("DATABASE_URL=postgres://u:p@db/blog\n"
        + "FOO=bar\n"
        + "GREETING='it'\\''s here'\n");
  }

  @Test
  void anAddonsVarsAreHiddenUnlessAskedFor() {
    platform.addAddon("blog", "redis", "mini", "REDIS");
    platform.configVars.get("blog").put("REDIS_URL", "redis://:redis-secret@10.1.0.3:6379");

    CliRunner.Result hidden = cli.run("config", "-a", "blog");
    CliRunner.Result shell = cli.run("config", "--shell", "-a", "blog");
    CliRunner.Result shown = cli.run("config", "--show-credentials", "-a", "blog");

    assertThat(hidden.out()).contains("REDIS_URL:    (hidden: set by redis-amber-12345; paas config:get REDIS_URL)")
        .contains("FOO:          bar").doesNotContain("redis-secret");
    assertThat(shell.out()).doesNotContain("redis-secret");
    assertThat(shown.out()).contains("REDIS_URL:    redis://:redis-secret@10.1.0.3:6379");
    assertThat(cli.run("config:get", "REDIS_URL", "-a", "blog").out()).isEqualTo("redis://:redis-secret@10.1.0.3:6379\n");
  }

  @Test
  void getPrintsTheValueOnly() {
    CliRunner.Result result = cli.run("config:get", "FOO", "-a", "blog");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("bar\n");
  }

  @Test
  void getOfAnUnsetVarPrintsNothing() {
    CliRunner.Result result = cli.run("config:get", "NOPE", "-a", "blog");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void setSendsEveryVarInOnePatchKeepingEqualsInValues() {
    CliRunner.Result result = cli.run("config:set", "TOKEN=a=b==", "MODE=fast", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("PATCH", "/apps/blog/config-vars"))
        .isEqualTo(new JsonObject().put("TOKEN", "a=b==").put("MODE", "fast"));
    assertThat(result.out()).isEqualTo("Setting TOKEN, MODE and restarting blog... done, v2\n"
        + "TOKEN: a=b==\n"
        + "MODE:  fast\n");
    assertThat(platform.configVars.get("blog").getString("TOKEN")).isEqualTo("a=b==");
  }

  @Test
  void setRejectsAnArgumentWithoutEqualsBeforeAnyCall() {
    CliRunner.Result result = cli.run("config:set", "FOO=1", "BAR", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: BAR is invalid: must be KEY=VALUE.\n");
    assertThat(platform.requests).isEmpty();
  }

  @Test
  void setReportsAKeyTheApiRejects() {
    CliRunner.Result result = cli.run("config:set", "1BAD=x", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Setting 1BAD and restarting blog... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Config var name 1BAD must be letters, digits and underscores.\n");
  }

  @Test
  void unsetSendsNulls() {
    CliRunner.Result result = cli.run("config:unset", "FOO", "GREETING", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("PATCH", "/apps/blog/config-vars"))
        .isEqualTo(new JsonObject().putNull("FOO").putNull("GREETING"));
    assertThat(result.out()).isEqualTo("Unsetting FOO, GREETING and restarting blog... done, v2\n");
    assertThat(platform.configVars.get("blog").fieldNames()).containsExactly("DATABASE_URL");
  }
}
