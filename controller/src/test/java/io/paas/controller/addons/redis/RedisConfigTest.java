package io.paas.controller.addons.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RedisConfigTest {
  @Test
  void listensOnLoopbackAndTheAddonHostBehindThePasswordWithinThePlansMemory() {
    String config = new RedisConfig(40001, "secret", "172.17.0.1", RedisPlan.BASIC, Path.of("/data/redis-a")).render();

    assertThat(config.lines()).contains(
        "port 40001",
        "bind 127.0.0.1 172.17.0.1",
        "protected-mode yes",
        "daemonize no",
        "dir \"/data/redis-a\"",
        "requirepass \"secret\"",
        "maxmemory 100mb",
        "maxmemory-policy noeviction",
        "rename-command CONFIG \"\"",
        "rename-command DEBUG \"\"",
        "rename-command SHUTDOWN \"\"");
  }

  @Test
  void bindsLoopbackOnceWhenTheAddonHostIsLoopback() {
    String config = new RedisConfig(40001, "secret", "127.0.0.1", RedisPlan.MINI, Path.of("/data/redis-a")).render();

    assertThat(config.lines()).contains("bind 127.0.0.1");
  }

  @Test
  void keepsDataAsEachPlanSays() {
    assertThat(render(RedisPlan.MINI).lines()).contains("save 60 1", "appendonly no");
    assertThat(render(RedisPlan.BASIC).lines()).contains("save \"\"", "appendonly yes", "appendfsync everysec");
    assertThat(render(RedisPlan.PREMIUM).lines()).contains("maxmemory 512mb", "appendonly yes");
  }

  @Test
  void quotesADirThatHasQuotesOrBackslashesInIt() {
    String config = new RedisConfig(40001, "secret", "127.0.0.1", RedisPlan.MINI, Path.of("/data/a \"b\" \\c"))
        .render();

    assertThat(config.lines()).contains("dir \"/data/a \\\"b\\\" \\\\c\"");
  }

  private static String render(RedisPlan plan) {
    return new RedisConfig(40001, "secret", "127.0.0.1", plan, Path.of("/data/redis-a")).render();
  }
}
