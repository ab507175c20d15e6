package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
class ErrorsTest {
  private final FakePlatform platform = new FakePlatform();
  private CliRunner cli;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx, @TempDir Path config, @TempDir Path work) {
    platform.start(vertx).onComplete(ctx.succeeding(started -> {
      cli = platform.loggedInCli(config, work);
      ctx.completeNow();
    }));
  }

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
