package io.paas.agent;

import static io.paas.agent.Futures.failure;
import static io.paas.agent.Futures.result;
import static io.paas.agent.TestDocker.spec;
import static io.paas.agent.TestDocker.web;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.agent.docker.DockerDynoRuntime;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The reconcile loop against the real engine, with a recording traffic switch. */
@ExtendWith(VertxExtension.class)
class AgentTest {
  private TestDocker engine;
  private String agentName;
  private DockerDynoRuntime runtime;
  private RecordingTraffic traffic;
  private Agent agent;

  @BeforeEach
  void setUp(Vertx vertx) {
    engine = new TestDocker();
    agentName = engine.newAgentName();
    runtime = engine.runtime(agentName);
    traffic = new RecordingTraffic(vertx, runtime);
    agent = new Agent(vertx, runtime, traffic, Duration.ofSeconds(20));
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void convergeStartsDynosAndSwitchesTrafficToThem() throws Exception {
    List<Dyno> serving = result(agent.converge("demo", List.of(web("demo", 1, "v1"))));

    assertThat(serving).singleElement().satisfies(d -> {
      assertThat(d.name()).isEqualTo("web.1");
      assertThat(d.release()).isEqualTo(1);
      assertThat(d.running()).isTrue();
    });
    assertThat(engine.get(serving.get(0).port()).body()).isEqualTo("v1\n");
    assertThat(traffic.calls).singleElement().satisfies(c -> {
      assertThat(c.app()).isEqualTo("demo");
      assertThat(c.dynos()).isEqualTo(serving);
    });
  }

  @Test
  void convergeTwiceKeepsTheSameContainer() throws Exception {
    List<DynoSpec> desired = List.of(web("demo", 1, "v1"));
    Dyno first = result(agent.converge("demo", desired)).get(0);

    Dyno second = result(agent.converge("demo", desired)).get(0);

    assertThat(second).isEqualTo(first);
    assertThat(runtime.list()).containsExactly(first);
  }

  @Test
  void newReleaseReplacesTheDynoOnlyAfterTrafficMovedToIt() throws Exception {
    Dyno v1 = result(agent.converge("demo", List.of(web("demo", 1, "v1")))).get(0);

    Dyno v2 = result(agent.converge("demo", List.of(web("demo", 2, "v2")))).get(0);

    assertThat(v2.containerId()).isNotEqualTo(v1.containerId());
    assertThat(engine.get(v2.port()).body()).isEqualTo("v2\n");
    RecordingTraffic.Call toV2 = traffic.calls.get(1);
    assertThat(toV2.dynos()).containsExactly(v2);
    assertThat(toV2.containersAtSwitch()).as("v1 still runs when traffic moves to v2").contains(v1);
    assertThat(engine.exists(v1.containerId())).isFalse();
    assertThat(runtime.list()).containsExactly(v2);
  }

  @Test
  void dynoThatExitsFailsConvergeAndThePreviousReleaseKeepsServing() throws Exception {
    Dyno v1 = result(agent.converge("demo", List.of(web("demo", 1, "v1")))).get(0);

    Throwable failed = failure(agent.converge("demo", List.of(spec("demo", "web.1", 2, "echo boom; exit 3"))));

    assertThat(failed).hasMessageContaining("web.1 exited").hasMessageContaining("boom");
    assertThat(runtime.list()).containsExactly(v1);
    assertThat(engine.get(v1.port()).body()).isEqualTo("v1\n");
    assertThat(traffic.calls).hasSize(1);
  }

  @Test
  void dynoThatNeverAnswersTimesOutAndIsRemoved(Vertx vertx) throws Exception {
    Agent impatient = new Agent(vertx, runtime, traffic, Duration.ofSeconds(1));

    Throwable failed = failure(
        impatient.converge("demo", List.of(spec("demo", "web.1", 1, "echo listening soon; exec sleep 600"))));

    assertThat(failed).hasMessageContaining("web.1 did not answer on $PORT within 1 s")
        .hasMessageContaining("listening soon");
    assertThat(runtime.list()).isEmpty();
    assertThat(traffic.calls).isEmpty();
  }

  @Test
  void convergeAllEmptiesAppsThatAreNoLongerAssigned() throws Exception {
    Dyno kept = result(agent.converge("kept", List.of(web("kept", 1, "kept")))).get(0);
    Dyno gone = result(agent.converge("gone", List.of(web("gone", 1, "gone")))).get(0);

    result(agent.convergeAll(Map.of("kept", List.of(web("kept", 1, "kept")))));

    assertThat(runtime.list()).containsExactly(kept);
    assertThat(engine.exists(gone.containerId())).isFalse();
    assertThat(traffic.callsFor("gone")).last().satisfies(c -> assertThat(c.dynos()).isEmpty());
  }

  @Test
  void convergeAllAfterARestartAdoptsTheRunningDynos(Vertx vertx) throws Exception {
    Map<String, List<DynoSpec>> desired = Map.of("demo", List.of(web("demo", 3, "v3")));
    result(agent.convergeAll(desired));
    Dyno before = runtime.list().get(0);

    Agent restarted = new Agent(vertx, engine.runtime(agentName), traffic);
    result(restarted.convergeAll(desired));

    assertThat(runtime.list()).containsExactly(before);
    assertThat(traffic.calls).last().satisfies(c -> assertThat(c.dynos()).containsExactly(before));
  }

  @Test
  void convergeAllReplacesACrashedDyno() throws Exception {
    Map<String, List<DynoSpec>> desired = Map.of("demo", List.of(web("demo", 1, "v1")));
    result(agent.convergeAll(desired));
    Dyno crashed = runtime.list().get(0);
    engine.docker.killContainerCmd(crashed.containerId()).exec();
    TestDocker.await("the dyno is down", () -> !engine.running(crashed.containerId()));

    result(agent.convergeAll(desired));

    assertThat(runtime.list()).singleElement().satisfies(d -> {
      assertThat(d.containerId()).isNotEqualTo(crashed.containerId());
      assertThat(d.running()).isTrue();
    });
    assertThat(engine.exists(crashed.containerId())).isFalse();
  }
}
