package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminAgentsTest extends CliTest {
  @Test
  void listsTheAgentsByNameWithMemoryInHumanUnits() {
    String recent = Instant.now().minus(Duration.ofSeconds(330)).toString();
    platform.admin = true;
    platform.agents.add(agent("agent-2", "lost", 4294967296L, 0, 0, "2026-11-20T08:00:00Z"));
    platform.agents.add(agent("agent-1", "up", 8589934592L, 1610612736L, 3, recent));

    CliRunner.Result result = cli.run("admin:agents");

    assertThat(result.exitCode()).as(result.err()).isZero();
    String seen = Output.time(recent) + " (~ 5m ago)";
    assertThat(result.out()).isEqualTo("=== Agents\n"
        + "Name     State  Memory         CPUs  Dynos  Last heartbeat\n"
        + "agent-1  up     1.5 GB / 8 GB  2     3      " + seen + "\n"
        + "agent-2  lost   0 B / 4 GB     2     0      2026-11-20 08:00 UTC\n");
  }

  @Test
  void aNonAdminGetsTheApiMessage() {
    CliRunner.Result result = cli.run("admin:agents");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Only admins can list agents.\n");
  }

  private static JsonObject agent(String name, String state, long memory, long used, int dynos, String heartbeat) {
    return new JsonObject().put("id", name + "-id").put("name", name).put("state", state)
        .put("memory", memory).put("memory_used", used).put("cpus", 2).put("dynos", dynos)
        .put("last_heartbeat", heartbeat);
  }
}
