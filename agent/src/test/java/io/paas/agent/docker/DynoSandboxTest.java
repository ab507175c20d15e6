package io.paas.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.agent.DynoSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DynoSandboxTest {
  private static final long MB = 1024 * 1024;

  @Test
  void theProcessLimitGrowsWithTheDynosMemoryFromAFloorOf256() {
    assertThat(DynoSandbox.pidsLimit(sized(64 * MB))).isEqualTo(256);
    assertThat(DynoSandbox.pidsLimit(sized(512 * MB))).isEqualTo(512);
    assertThat(DynoSandbox.pidsLimit(sized(2048 * MB))).isEqualTo(2048);
  }

  @Test
  void aDynoWithoutAMemoryLimitStillHasAProcessLimit() {
    assertThat(DynoSandbox.pidsLimit(sized(0))).isEqualTo(256);
  }

  private static DynoSpec sized(long memory) {
    return new DynoSpec("demo", "web.1", 1, "paas/busybox:latest", null, Map.of(), memory);
  }
}
