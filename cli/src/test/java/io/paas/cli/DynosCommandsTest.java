package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DynosCommandsTest extends CliTest {
  /** Five and a half minutes ago, so the age shows as five minutes however slow the test. */
  private static final String SINCE = Instant.now().minus(Duration.ofSeconds(330)).toString();
  private static final String SHOWN = Output.time(SINCE) + " (~ 5m ago)";

  @Override
  protected void seed() {
    platform.addApp("blog");
    platform.addProcess("blog", "web", 3, "java -jar app.jar");
    platform.addProcess("blog", "worker", 0, "java -cp app.jar Worker");
  }

  @Test
  void psGroupsDynosByTypeInNumberOrderWithStateAgeAndRelease() {
    platform.addDyno("blog", "web.10", "starting", SINCE);
    platform.addDyno("blog", "web.2", "crashed", SINCE).put("restarts", 2);
    platform.addDyno("blog", "web.1", "up", SINCE);
    platform.addDyno("blog", "run.3", "up", SINCE).put("command", "sh -c 'sleep 60'");

    CliRunner.Result result = cli.run("ps", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== web (Standard): java -jar app.jar (3)\n"
        + "web.1: up " + SHOWN + "  v3\n"
        + "web.2: crashed " + SHOWN + ", 2 restarts  v3\n"
        + "web.10: starting " + SHOWN + "  v3\n"
        + "\n"
        + "=== run: one-off processes (1)\n"
        + "run.3 (Standard): up " + SHOWN + ": sh -c 'sleep 60'\n");
  }

  @Test
  void psSaysWhenThereAreNoDynos() {
    CliRunner.Result result = cli.run("ps", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("No dynos on blog\n");
  }

  @Test
  void scaleSendsEveryChangeInOneRequestAndSaysWhatRuns() {
    CliRunner.Result result = cli.run("ps:scale", "web=3", "worker=2", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Scaling dynos... done, now running web at 3:Standard, worker at 2:Standard\n");
    assertThat(platform.firstBody("PATCH", "/apps/blog/formation"))
        .isEqualTo(new JsonObject().put("updates", new JsonArray()
            .add(new JsonObject().put("type", "web").put("quantity", 3))
            .add(new JsonObject().put("type", "worker").put("quantity", 2))));
  }

  @Test
  void scaleWithASizeSendsItAsTheApiNamesIt() {
    CliRunner.Result result = cli.run("ps:scale", "web=2:Performance", "-a", "blog");

    assertThat(result.out()).isEqualTo("Scaling dynos... done, now running web at 2:Performance\n");
    assertThat(platform.firstBody("PATCH", "/apps/blog/formation"))
        .isEqualTo(new JsonObject().put("updates", new JsonArray()
            .add(new JsonObject().put("type", "web").put("quantity", 2).put("size", "performance"))));
  }

  @Test
  void scaleRejectsABadArgumentBeforeAnyCall() {
    for (String bad : new String[] {"web=x", "web", "=3", "web=3:", "web=-1"}) {
      CliRunner.Result result = cli.run("ps:scale", "worker=1", bad, "-a", "blog");

      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).isEqualTo("ERROR: " + bad + " is invalid: use TYPE=QUANTITY[:SIZE].\n");
    }
    assertThat(platform.requests).isEmpty();
  }

  @Test
  void scaleBeyondCapacityPrintsTheApiMessage() {
    platform.capacity = 4;

    CliRunner.Result result = cli.run("ps:scale", "web=6", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Scaling dynos... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Not enough capacity for web.4-web.6 (room for 4 dynos in all)\n");
  }

  @Test
  void scaleWithoutArgumentsShowsTheCurrentScale() {
    CliRunner.Result result = cli.run("ps:scale", "-a", "blog");

    assertThat(result.out()).isEqualTo("web=3:Standard worker=0:Standard\n");
    assertThat(platform.requests("PATCH", "/apps/blog/formation")).isEmpty();
  }

  @Test
  void resizeSendsSizesOnlyAndShowsTheFormation() {
    CliRunner.Result result = cli.run("ps:resize", "web=performance", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Resizing dynos... done\n"
        + "=== Dyno Types\n"
        + "Type    Size         Qty\n"
        + "web     Performance  3\n"
        + "worker  Standard     0\n");
    assertThat(platform.firstBody("PATCH", "/apps/blog/formation"))
        .isEqualTo(new JsonObject().put("updates", new JsonArray()
            .add(new JsonObject().put("type", "web").put("size", "performance"))));
  }

  @Test
  void resizeToAnUnknownSizePrintsTheApiMessage() {
    CliRunner.Result result = cli.run("ps:resize", "web=huge", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Unknown dyno size huge.\n");
  }

  @Test
  void resizeRejectsABadArgumentBeforeAnyCall() {
    CliRunner.Result result = cli.run("ps:resize", "web", "-a", "blog");

    assertThat(result.err()).isEqualTo("ERROR: web is invalid: use TYPE=SIZE.\n");
    assertThat(platform.requests).isEmpty();
  }

  @Test
  void restartWithoutANameRestartsEveryDyno() {
    CliRunner.Result result = cli.run("ps:restart", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Restarting dynos on blog... done\n");
    assertThat(platform.requests("DELETE", "/apps/blog/dynos")).hasSize(1);
  }

  @Test
  void restartOneDynoOrOneType() {
    platform.addDyno("blog", "web.1", "up", SINCE);

    CliRunner.Result dyno = cli.run("ps:restart", "web.1", "-a", "blog");
    CliRunner.Result type = cli.run("ps:restart", "web", "-a", "blog");

    assertThat(dyno.out()).isEqualTo("Restarting web.1 dyno on blog... done\n");
    assertThat(type.out()).isEqualTo("Restarting web dynos on blog... done\n");
    assertThat(platform.requests("DELETE", "/apps/blog/dynos/web.1")).hasSize(1);
    assertThat(platform.requests("DELETE", "/apps/blog/dynos/web")).hasSize(1);
  }

  @Test
  void restartOfAnUnknownDynoPrintsTheApiMessage() {
    CliRunner.Result result = cli.run("ps:restart", "web.9", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Restarting web.9 dyno on blog... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find that dyno.\n");
  }

  @Test
  void stopPostsTheStopAction() {
    platform.addDyno("blog", "web.2", "up", SINCE);

    CliRunner.Result result = cli.run("ps:stop", "web.2", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Stopping web.2 dyno on blog... done\n");
    assertThat(platform.requests("POST", "/apps/blog/dynos/web.2/actions/stop")).hasSize(1);
  }
}
