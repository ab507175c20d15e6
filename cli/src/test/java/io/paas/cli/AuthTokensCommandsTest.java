package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AuthTokensCommandsTest extends CliTest {
  @Test
  void authTokenPrintsTheNewTokenAloneOnStdoutAndWhatItIsOnStderr() {
    CliRunner.Result result = cli.run("auth:token", "--description", "ci", "--expires-in-days", "30");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("paas_made-2\n");
    assertThat(result.err()).isEqualTo("Token 2 (ci) expires: 2026-12-27 10:00 UTC. "
        + "Revoke it with paas authorizations:revoke 2.\n");
    assertThat(platform.firstBody("POST", "/auth/tokens"))
        .isEqualTo(new JsonObject().put("description", "ci").put("expires_in_days", 30));
  }

  @Test
  void authTokenWithoutOptionsLeavesBothToThePlatform() {
    CliRunner.Result result = cli.run("auth:token");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/auth/tokens")).isEqualTo(new JsonObject());
    assertThat(result.err()).startsWith("Token 2 (API token) expires: never.");
  }

  @Test
  void authTokenShowsWhyThePlatformRefusedIt() {
    CliRunner.Result result = cli.run("auth:token", "--expires-in-days", "0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).startsWith("ERROR: expires_in_days must be a whole number from 1 to 3650");
  }

  @Test
  void authorizationsListsEveryTokenAndMarksTheOneInUse() {
    cli.run("auth:token", "-d", "ci");

    CliRunner.Result result = cli.run("authorizations");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== Authorizations\n"
        + "ID  Description      Created               Expires               Last used\n"
        + "1   login (current)  2026-11-27 10:00 UTC  2026-12-27 10:00 UTC  2026-11-27 10:05 UTC\n"
        + "2   ci               2026-11-27 10:00 UTC  never                 never\n");
  }

  @Test
  void authorizationsRevokeTakesTheId() {
    cli.run("auth:token", "-d", "ci");

    CliRunner.Result result = cli.run("authorizations:revoke", "2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Revoked token 2 (ci)\n");
    assertThat(platform.tokens).extracting(token -> token.getInteger("id")).containsExactly(1);
    assertThat(cli.run("authorizations:revoke", "2").err()).isEqualTo("ERROR: No token 2.\n");
  }
}
