package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ErrorsTest extends CliTest {
  @Test
  void printsTheApiMessageAndExitsWithOne() {
    platform.addApp("blog");

    CliRunner.Result result = cli.run("apps:create", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Creating blog... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Name blog is already taken.\n");
  }

  @Test
  void anUnknownAppIsReportedAsTheApiWordsIt() {
    CliRunner.Result result = cli.run("apps:info", "-a", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find that app.\n");
  }

  @Test
  void aRejectedTokenSaysToLogIn() {
    CliRunner.Result result = cli.env("PAAS_API_TOKEN", "stale").run("apps");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Invalid or expired token. Run paas login.\n");
    assertThat(platform.requests.get(0).authorization()).isEqualTo("Bearer stale");
  }

  @Test
  void anUnreachablePlatformIsNamed() throws Exception {
    String closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = "http://127.0.0.1:" + socket.getLocalPort();
    }

    CliRunner.Result result = cli.env("PAAS_API_URL", closed).run("apps");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: cannot reach the platform at " + closed + "\n");
  }
}
