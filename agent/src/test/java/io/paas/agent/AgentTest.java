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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
  private final List<LogLine> logs = new CopyOnWriteArrayList<>();
  private Agent agent;

  /** A web dyno that says it boots, warns on stderr, then ticks every 200 ms while httpd serves. */
  private static DynoSpec ticking(int release) {
    return spec("demo", "web.1", release, "echo booting v" + release + "; echo warming >&2; "
        + "(while true; do echo tick v" + release + "; sleep 0.2; done) & "
        + "mkdir -p /www && echo v" + release + " > /www/index.html && exec httpd -f -p $PORT -h /www");
  }

  private static List<LogLine> withText(List<LogLine> lines, String text) {
    return lines.stream().filter(line -> line.text().equals(text)).toList();
  }

  @BeforeEach
  void setUp(Vertx vertx) {
    engine = new TestDocker();
    agentName = engine.newAgentName();
    runtime = engine.runtime(agentName);
    traffic = new RecordingTraffic(vertx, runtime);
    agent = new Agent(vertx, runtime, traffic, Duration.ofSeconds(20), logs::add);
  }

  @AfterEach
  void tearDown() {
    agent.close();
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
    assertThat(logs).filteredOn(line -> line.stream().equals(LogLine.PLATFORM)).extracting(LogLine::text)
        .containsSubsequence("State changed from starting to up", "Process exited with status 137",
            "State changed from starting to up");
  }

  @Test
  void runOnceCompletesWithTheExitStatusAndStreamsTheOutput() throws Exception {
    List<String> output = new CopyOnWriteArrayList<>();

    int status = result(agent.runOnce(spec("demo", "release.1", 4, "echo migrating; exit 0"), output::add));

    assertThat(status).isZero();
    assertThat(output).containsExactly("migrating");
    assertThat(engine.containersOf(agentName)).isEmpty();
  }

  @Test
  void shipsADynosOutputFromItsFirstLine() throws Exception {
    Instant before = Instant.now().minusSeconds(1);

    result(agent.converge("demo", List.of(ticking(1))));
    TestDocker.await("ticks", () -> withText(logs, "tick v1").size() >= 3);

    assertThat(withText(logs, "booting v1")).singleElement().satisfies(line -> {
      assertThat(line.app()).isEqualTo("demo");
      assertThat(line.dyno()).isEqualTo("web.1");
      assertThat(line.stream()).isEqualTo(LogLine.STDOUT);
      assertThat(line.time()).isBetween(before, Instant.now());
    });
    assertThat(withText(logs, "warming")).singleElement()
        .satisfies(line -> assertThat(line.stream()).isEqualTo(LogLine.STDERR));
    assertThat(withText(logs, "State changed from starting to up")).singleElement()
        .satisfies(line -> assertThat(line.stream()).isEqualTo(LogLine.PLATFORM));
  }

  @Test
  void afterARestartTheAdoptingAgentShipsOnlyNewLinesOnce(Vertx vertx) throws Exception {
    Map<String, List<DynoSpec>> desired = Map.of("demo", List.of(ticking(1)));
    result(agent.convergeAll(desired));
    TestDocker.await("ticks before the restart", () -> withText(logs, "tick v1").size() >= 2);
    agent.close();
    Instant lastBefore = logs.get(logs.size() - 1).time();

    List<LogLine> after = new CopyOnWriteArrayList<>();
    Agent restarted = new Agent(vertx, engine.runtime(agentName), traffic, Duration.ofSeconds(20), after::add);
    try {
      result(restarted.convergeAll(desired));
      result(restarted.convergeAll(desired));
      TestDocker.await("ticks after the restart", () -> withText(after, "tick v1").size() >= 5);
    } finally {
      restarted.close();
    }

    assertThat(after).allSatisfy(line -> assertThat(line.time()).isAfter(lastBefore));
    assertThat(withText(after, "booting v1")).isEmpty();
    assertThat(after).as("one follower, however many passes").doesNotHaveDuplicates();
  }

  @Test
  void aReplacedDynosLinesStopAndTheNewOnesArrive() throws Exception {
    result(agent.converge("demo", List.of(ticking(1))));
    TestDocker.await("v1 ticks", () -> withText(logs, "tick v1").size() >= 2);

    result(agent.converge("demo", List.of(ticking(2))));
    int v1Ticks = withText(logs, "tick v1").size();
    int v2Ticks = withText(logs, "tick v2").size();
    TestDocker.await("more v2 ticks", () -> withText(logs, "tick v2").size() >= v2Ticks + 5);

    assertThat(withText(logs, "tick v1")).hasSize(v1Ticks);
    assertThat(withText(logs, "booting v2")).hasSize(1);
    assertThat(logs).filteredOn(line -> line.stream().equals(LogLine.PLATFORM)).extracting(LogLine::text)
        .containsExactly("State changed from starting to up", "State changed from starting to up",
            "Stopping all processes with SIGTERM");
  }
}
