package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class AuthCommandsTest {
  private final FakePlatform platform = new FakePlatform();
  private CliRunner cli;
  private Path credentials;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx, @TempDir Path config, @TempDir Path work) {
    cli = new CliRunner(config, work);
    credentials = config.resolve("credentials.json");
    platform.start(vertx).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void loginSavesTheTokenInAFileOnlyTheUserCanRead() throws Exception {
    cli.stdin = FakePlatform.PASSWORD + "\n";

    CliRunner.Result result = cli.run("login", "--api-url", platform.url() + "/",
        "--email", FakePlatform.EMAIL, "--password-stdin");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Logged in as " + FakePlatform.EMAIL + "\n");
    assertThat(Files.getPosixFilePermissions(credentials)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(new JsonObject(Files.readString(credentials))).isEqualTo(new JsonObject()
        .put("api_url", platform.url())
        .put("email", FakePlatform.EMAIL)
        .put("token", FakePlatform.TOKEN));
    assertThat(platform.firstRequest("POST", "/auth/login").body())
        .contains("\"password\":\"" + FakePlatform.PASSWORD + "\"");
  }

  @Test
  void loginPointsGitsCredentialHelperAtThisCliForThePlatformOnly(@TempDir Path home) throws Exception {
    cli.stdin = FakePlatform.PASSWORD + "\n";
    cli.env("HOME", home.toString()).env("PAAS_BIN", "/opt/paas/bin/paas");

    CliRunner.Result result = cli.run("login", "--api-url", platform.url(), "--email", FakePlatform.EMAIL);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Git pushes to " + platform.url() + " will use this login");
    assertThat(Files.readString(home.resolve(".gitconfig")))
        .contains("[credential \"" + platform.url() + "\"]")
        .contains("helper = !\\\"/opt/paas/bin/paas\\\" git:credentials");
  }

  @Test
  void laterCommandsUseTheSavedUrlAndToken() {
    cli.stdin = FakePlatform.PASSWORD + "\n";
    cli.run("login", "--api-url", platform.url(), "--email", FakePlatform.EMAIL);

    CliRunner.Result result = cli.run("auth:whoami");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(FakePlatform.EMAIL + "\n");
    assertThat(platform.firstRequest("GET", "/account").authorization()).isEqualTo("Bearer " + FakePlatform.TOKEN);
  }

  @Test
  void loginWithAWrongPasswordSavesNothing() {
    cli.stdin = "wrong\n";

    CliRunner.Result result = cli.run("login", "--api-url", platform.url(), "--email", FakePlatform.EMAIL);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Invalid email or password.\n");
    assertThat(credentials).doesNotExist();
  }

  @Test
  void loginWithoutATerminalNeedsTheEmailOption() {
    CliRunner.Result result = cli.run("login", "--api-url", platform.url());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("--email");
    assertThat(platform.requests).isEmpty();
  }

  @Test
  void logoutRevokesTheTokenOnThePlatformAndRemovesTheCredentialsFile() {
    cli.stdin = FakePlatform.PASSWORD + "\n";
    cli.run("login", "--api-url", platform.url(), "--email", FakePlatform.EMAIL);

    CliRunner.Result result = cli.run("logout");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Logged out\n");
    assertThat(result.err()).isEmpty();
    assertThat(platform.firstRequest("DELETE", "/auth/tokens/current").authorization())
        .isEqualTo("Bearer " + FakePlatform.TOKEN);
    assertThat(platform.tokens).isEmpty();
    assertThat(credentials).doesNotExist();
    assertThat(cli.run("auth:whoami").err()).isEqualTo("ERROR: Not logged in. Run paas login.\n");
  }

  @Test
  void logoutWithATokenThePlatformNoLongerTakesJustForgetsIt() throws Exception {
    save(platform.url(), "expired-token");

    CliRunner.Result result = cli.run("logout");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Logged out\n");
    assertThat(result.err()).isEmpty();
    assertThat(credentials).doesNotExist();
  }

  @Test
  void logoutFromAPlatformOutOfReachWarnsButStillForgetsTheToken() throws Exception {
    save("http://127.0.0.1:1", FakePlatform.TOKEN);

    CliRunner.Result result = cli.run("logout");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("Logged out\n");
    assertThat(result.err()).startsWith("Warning: the token could not be revoked on the platform (cannot reach");
    assertThat(credentials).doesNotExist();
  }

  @Test
  void logoutLeavesATokenFromTheEnvironmentAlone() {
    cli.env("PAAS_API_URL", platform.url()).env("PAAS_API_TOKEN", FakePlatform.TOKEN);

    CliRunner.Result result = cli.run("logout");

    assertThat(result.out()).isEqualTo("Not logged in\n");
    assertThat(platform.requests).isEmpty();
  }

  private void save(String apiUrl, String token) throws Exception {
    Files.writeString(credentials, new JsonObject().put("api_url", apiUrl).put("email", FakePlatform.EMAIL)
        .put("token", token).encode());
  }

  @Test
  void environmentVariablesNeedNoCredentialsFile() {
    cli.env("PAAS_API_URL", platform.url()).env("PAAS_API_TOKEN", FakePlatform.TOKEN);

    CliRunner.Result result = cli.run("whoami");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(FakePlatform.EMAIL + "\n");
  }
}
