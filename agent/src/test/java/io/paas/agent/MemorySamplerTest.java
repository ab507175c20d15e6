package io.paas.agent;

import static io.paas.agent.Futures.result;
import static io.paas.agent.TestDocker.MEMORY;
import static io.paas.agent.TestDocker.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.agent.docker.DockerDynoRuntime;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dynos' memory as the engine reports it, sampled beside a real agent. */
@ExtendWith(VertxExtension.class)
class MemorySamplerTest {
  private static final long FILLED = 16L * 1024 * 1024;

  private TestDocker engine;
  private DockerDynoRuntime runtime;
  private Agent agent;

  /** A web dyno that first puts 16 MB in its /tmp, a tmpfs whose pages count against the dyno's memory. */
  private static DynoSpec filling() {
    return spec("demo", "web.1", 1, "dd if=/dev/zero of=/tmp/fill bs=1M count=16 2>/dev/null && "
        + "mkdir -p /tmp/www && echo ok > /tmp/www/index.html && exec httpd -f -p $PORT -h /tmp/www");
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    engine = new TestDocker();
    runtime = engine.runtime(engine.newAgentName());
    agent = new Agent(vertx, runtime, new RecordingTraffic(vertx, runtime), Duration.ofSeconds(20), line -> { });
  }

  @AfterEach
  void tearDown() {
    agent.close();
    engine.close();
  }

  @Test
  void aRunningDynosMemoryIsReportedWithItsLimit(Vertx vertx) throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    result(agent.converge("demo", List.of(filling())));
    MemorySampler sampler = new MemorySampler(vertx, runtime, agent::status);

    sampler.start(Duration.ofMillis(500));

    TestDocker.await("web.1 has a memory sample", () -> sampler.withMemory(agent.status()).get(0).memory() != null);
    DynoMemory memory = sampler.withMemory(agent.status()).get(0).memory();
    assertThat(memory.bytes()).isGreaterThanOrEqualTo(FILLED).isLessThanOrEqualTo(memory.limitBytes());
    assertThat(memory.limitBytes()).isEqualTo(MEMORY);
    assertThat(memory.at()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
  }

  @Test
  void containersThatAreGoneOrStoppedAreLeftOut() throws Exception {
    Dyno running = result(agent.converge("demo", List.of(filling()))).get(0);
    Dyno stopped = runtime.start(spec("demo", "worker.1", 1, "exit 0"));
    TestDocker.await("worker.1 exited", () -> !engine.running(stopped.containerId()));

    assertThat(runtime.memory(List.of(running.containerId(), stopped.containerId(), "no-such-container")))
        .containsOnlyKeys(running.containerId());
  }
}
