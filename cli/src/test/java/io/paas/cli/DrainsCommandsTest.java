package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DrainsCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void drainsListsTokenUrlStateAndDropped() {
    JsonObject syslog = platform.addDrain("blog", "syslog+tls://logs.example.com:6514");
    JsonObject https = platform.addDrain("blog", "https://user:secret@logs.example.com/drain");
    https.put("state", "retrying").put("buffered", 1000).put("dropped", 42);

    CliRunner.Result result = cli.run("drains", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    String s = syslog.getString("token");
    String h = https.getString("token");
    assertThat(result.out()).isEqualTo("=== blog Drains\n"
        + "Token" + " ".repeat(s.length() - 3) + "URL                                 State      Dropped\n"
        + s + "  syslog+tls://logs.example.com:6514  connected  0\n"
        + h + "  https://***@logs.example.com/drain  retrying   42\n");
  }

  @Test
  void drainsWithoutAnySaysSo() {
    CliRunner.Result result = cli.run("drains", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("blog has no drains.\n");
  }

  @Test
  void addSendsTheUrlAndShowsItAsThePlatformDoes() {
    CliRunner.Result result = cli.run("drains:add", "https://user:secret@logs.example.com/drain", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps/blog/log-drains"))
        .isEqualTo(new JsonObject().put("url", "https://user:secret@logs.example.com/drain"));
    assertThat(result.out()).isEqualTo("Successfully added drain https://***@logs.example.com/drain\n");
  }

  @Test
  void addOfAnUnsupportedUrlShowsTheApisMessage() {
    CliRunner.Result result = cli.run("drains:add", "http://logs.example.com/", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("ERROR: Unsupported drain URL scheme: use syslog://HOST:PORT, "
        + "syslog+tls://HOST:PORT or https://HOST[:PORT]/PATH.\n");
  }

  @Test
  void removeTakesTheUrlOrTheToken() {
    platform.addDrain("blog", "syslog://logs.example.com:514");
    String token = platform.addDrain("blog", "syslog+tls://logs.example.com:6514").getString("token");

    CliRunner.Result byUrl = cli.run("drains:remove", "syslog://logs.example.com:514", "-a", "blog");
    CliRunner.Result byToken = cli.run("drains:remove", token, "-a", "blog");

    assertThat(byUrl.exitCode()).as(byUrl.err()).isZero();
    assertThat(byUrl.out()).isEqualTo("Successfully removed drain syslog://logs.example.com:514\n");
    assertThat(platform.requests("DELETE", "/apps/blog/log-drains/syslog%3A%2F%2Flogs.example.com%3A514")).hasSize(1);
    assertThat(byToken.out()).isEqualTo("Successfully removed drain syslog+tls://logs.example.com:6514\n");
    assertThat(platform.drains.get("blog")).isEmpty();
  }

  @Test
  void removeOfAnUnknownDrainFails() {
    CliRunner.Result result = cli.run("drains:remove", "syslog://nope.example.com:514", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find that log drain.\n");
  }
}
