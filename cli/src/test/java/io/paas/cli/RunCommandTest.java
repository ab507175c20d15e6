package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RunCommandTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void attachedPrintsEachLineAsItArrivesAndExitsWithTheRemoteStatus() {
    platform.runOutput.add("hi");
    platform.runLaterOutput.add("still here");
    platform.runLaterOutput.add("bye");
    platform.runExit = 3;
    AtomicReference<String> printedBeforeLater = new AtomicReference<>();
    platform.beforeTail = () -> printedBeforeLater.set(cli.outSoFar());

    CliRunner.Result result = cli.run("run", "-a", "blog", "--", "sh", "-c", "echo hi; exit 3");

    assertThat(result.exitCode()).as(result.err()).isEqualTo(3);
    assertThat(printedBeforeLater.get()).isEqualTo("hi\n");
    assertThat(result.out()).isEqualTo("hi\nstill here\nbye\n");
    assertThat(result.err()).isEqualTo("Running sh -c 'echo hi; exit 3' on blog... up, run.3\n");
    assertThat(platform.firstBody("POST", "/apps/blog/dynos"))
        .isEqualTo(new JsonObject().put("command", "sh -c 'echo hi; exit 3'").put("attach", true));
  }

  @Test
  void aCommandThatSucceedsExitsWithZero() {
    CliRunner.Result result = cli.run("run", "-a", "blog", "true");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEmpty();
  }

  @Test
  void quotesOnlyTheArgumentsThatNeedIt() {
    cli.run("run", "-a", "blog", "echo", "it's", "", "a b", "$HOME", "x=1,y:2");

    assertThat(platform.firstBody("POST", "/apps/blog/dynos").getString("command"))
        .isEqualTo("echo 'it'\\''s' '' 'a b' '$HOME' x=1,y:2");
  }

  @Test
  void optionsAfterTheCommandAreTheCommands() {
    CliRunner.Result result = cli.run("run", "-a", "blog", "ls", "-la", "-a", "tmp");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps/blog/dynos").getString("command"))
        .isEqualTo("ls -la -a tmp");
  }

  @Test
  void detachedSaysWhereTheOutputGoes() {
    CliRunner.Result result = cli.run("run", "--detach", "-a", "blog", "rake", "db:migrate");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Running rake db:migrate on blog... done, run.3\n"
        + "Use paas logs -d run.3 -a blog to view the output.\n");
    assertThat(platform.firstBody("POST", "/apps/blog/dynos"))
        .isEqualTo(new JsonObject().put("command", "rake db:migrate").put("attach", false));
  }

  @Test
  void anUnknownAppIsReported() {
    CliRunner.Result result = cli.run("run", "-a", "nope", "true");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Running true on nope... !\nERROR: Couldn't find that app.\n");
  }

  @Test
  void aCommandIsRequired() {
    CliRunner.Result result = cli.run("run", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(platform.requests).isEmpty();
  }
}
