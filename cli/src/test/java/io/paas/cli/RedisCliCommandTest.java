package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** redis:cli running the real redis-cli of this machine against a real redis-server with a password. */
class RedisCliCommandTest extends CliTest {
  private static final String PASSWORD = "re+dis@pw";
  private static final String ENCODED_PASSWORD = "re+dis%40pw";

  @TempDir
  static Path redisDir;
  private static RedisServer redis;

  @BeforeAll
  static void startRedis() throws IOException, InterruptedException {
    assumeTrue(Programs.installed("redis-server") && Programs.installed("redis-cli"),
        "redis-server or redis-cli is not installed");
    redis = RedisServer.start(PASSWORD, redisDir);
  }

  @AfterAll
  static void stopRedis() throws InterruptedException {
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void emptyRedis() throws IOException {
    assertThat(redis.command("FLUSHALL")).isEqualTo("OK");
  }

  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  private void redisAddon(String attachment, String password, int port) {
    platform.addAddon("blog", "redis", "mini", attachment).getJsonObject("config")
        .put(attachment + "_URL", "redis://:" + password + "@127.0.0.1:" + port);
  }

  @Test
  void runsTheCommandWithThePasswordOfTheUrl() throws IOException {
    redisAddon("REDIS", ENCODED_PASSWORD, redis.port());

    CliRunner.Result set = cli.run("redis:cli", "-a", "blog", "SET", "k", "v");
    CliRunner.Result get = cli.run("redis:cli", "-a", "blog", "GET", "k");

    assertThat(set.exitCode()).as(set.err()).isZero();
    assertThat(get.exitCode()).as(get.err()).isZero();
    assertThat(redis.command("GET", "k")).isEqualTo("v");
    assertThat(platform.firstRequest("GET", "/apps/blog/addons/REDIS").query()).isEqualTo("show_credentials=true");
  }

  @Test
  void usesTheAddonNamedAndLeavesOptionsAfterTheCommandToIt() throws IOException {
    redisAddon("REDIS", "wrong", redis.port());
    redisAddon("CACHE", ENCODED_PASSWORD, redis.port());

    CliRunner.Result result = cli.run("redis:cli", "--redis", "CACHE", "-a", "blog", "SET", "flag", "--redis");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(redis.command("GET", "flag")).isEqualTo("--redis");
  }

  @Test
  void aWrongPasswordChangesNothing() throws IOException {
    redisAddon("REDIS", "wrong", redis.port());

    cli.run("redis:cli", "-a", "blog", "SET", "k", "v");

    assertThat(redis.command("GET", "k")).isNull();
  }

  @Test
  void anUnreachableServerIsRedisClisFailure() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    redisAddon("REDIS", ENCODED_PASSWORD, closed);

    CliRunner.Result result = cli.run("redis:cli", "-a", "blog", "PING");

    assertThat(result.exitCode()).isEqualTo(1);
  }

  @Test
  void refusesAnAddonOfAnotherService() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");

    CliRunner.Result result = cli.run("redis:cli", "--redis", "DATABASE", "-a", "blog", "PING");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: DATABASE is a postgres addon, not redis.\n");
  }
}
