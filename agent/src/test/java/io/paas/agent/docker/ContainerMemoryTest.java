package io.paas.agent.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Statistics;
import io.paas.agent.DynoMemory;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The engine's stats as docker stats counts them, for both cgroup versions. */
class ContainerMemoryTest {
  /** As docker-java reads the engine's answers: fields it has no property for are skipped. */
  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static Statistics stats(String memoryStats) throws Exception {
    return JSON.readValue("{\"read\": \"2026-11-27T06:50:10.586690225Z\", \"memory_stats\": "
        + memoryStats + "}", Statistics.class);
  }

  @Test
  void cgroupV1LeavesOutTheInactivePageCache() throws Exception {
    Statistics v1 = stats("{\"usage\": 1859584, \"limit\": 268435456, \"stats\": {\"inactive_file\": 4096,"
        + " \"total_inactive_file\": 581632, \"cache\": 1032192}}");

    assertThat(ContainerMemory.memory(v1)).contains(new DynoMemory(1859584 - 581632, 268435456,
        Instant.parse("2026-11-27T06:50:10.586690225Z")));
  }

  @Test
  void cgroupV2LeavesOutTheInactivePageCache() throws Exception {
    Statistics v2 = stats("{\"usage\": 3000000, \"limit\": 536870912, \"stats\": {\"inactive_file\": 1000000,"
        + " \"anon\": 1500000}}");

    assertThat(ContainerMemory.memory(v2)).get().extracting(DynoMemory::bytes).isEqualTo(2000000L);
  }

  @Test
  void aStoppedContainersEmptyStatsAreNoSample() throws Exception {
    Statistics stopped = JSON.readValue("{\"read\": \"0001-01-01T00:00:00Z\", \"memory_stats\": {}}",
        Statistics.class);

    assertThat(ContainerMemory.memory(stopped)).isEmpty();
  }
}
