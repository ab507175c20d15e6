package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LogsCommandTest extends CliTest {
  private static final String STARTED = "2026-11-27T10:00:00.123456+00:00 app[web.1]: started on 5000";
  private static final String REQUEST = "2026-11-27T10:00:01.000001+00:00 router[web.1]: at=info method=GET path=\"/\"";
  private static final String LATER = "2026-11-27T10:00:02.500000+00:00 app[web.1]: GET / 200";

  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void printsTheRecentLinesAskingForAHundred() {
    platform.logLines.add(STARTED);
    platform.logLines.add(REQUEST);

    CliRunner.Result result = cli.run("logs", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(STARTED + "\n" + REQUEST + "\n");
    assertThat(platform.firstRequest("GET", "/apps/blog/logs").query()).isEqualTo("lines=100&tail=false");
  }

  @Test
  void passesTheFilters() {
    CliRunner.Result result = cli.run("logs", "-a", "blog", "-n", "5", "--source", "app", "-d", "web.1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstRequest("GET", "/apps/blog/logs").query())
        .isEqualTo("lines=5&tail=false&source=app&dyno=web.1");
  }

  @Test
  void tailPrintsEachLineAsItArrivesUntilTheStreamEnds() {
    platform.logLines.add(STARTED);
    platform.tailLines.add(LATER);
    AtomicReference<String> printedBeforeLater = new AtomicReference<>();
    platform.beforeTail = () -> printedBeforeLater.set(cli.outSoFar());

    CliRunner.Result result = cli.run("logs", "--tail", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(printedBeforeLater.get()).isEqualTo(STARTED + "\n");
    assertThat(result.out()).isEqualTo(STARTED + "\n" + LATER + "\n");
    assertThat(platform.firstRequest("GET", "/apps/blog/logs").query()).isEqualTo("lines=100&tail=true");
  }

  @Test
  void anUnknownAppIsReportedFromTheStream() {
    CliRunner.Result result = cli.run("logs", "-a", "nope");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find that app.\n");
  }
}
