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
import java.util.concurrent.atomic.AtomicBoolean;
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
        + "mkdir -p /tmp/www && echo v" + release + " > /tmp/www/index.html && "
        + "exec httpd -f -p $PORT -h /tmp/www");
  }

  /** A web dyno that serves for a while once up, then exits with status 1. */
  private static DynoSpec crashing(int release) {
    return spec("demo", "web.1", release, "mkdir -p /tmp/www && echo v" + release + " > /tmp/www/index.html && "
        + "(httpd -f -p $PORT -h /tmp/www &); sleep 1.5; echo boom; exit 1");
  }

  private static DynoSpec serving(String name) {
    return spec("demo", name, 1,
        "mkdir -p /tmp/www && echo " + name + " > /tmp/www/index.html && exec httpd -f -p $PORT -h /tmp/www");
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
    try {
      result(restarted.convergeAll(desired));
    } finally {
      restarted.close();
    }

    assertThat(runtime.list()).containsExactly(before);
    assertThat(traffic.calls).last().satisfies(c -> assertThat(c.dynos()).containsExactly(before));
    assertThat(restarted.status("demo")).singleElement().satisfies(s -> {
      assertThat(s.state()).isEqualTo(DynoStatus.UP);
      assertThat(s.restarts()).isZero();
      assertThat(s.containerId()).isEqualTo(before.containerId());
    });
  }

  @Test
  void convergeAllReplacesACrashedDyno() throws Exception {
    Map<String, List<DynoSpec>> desired = Map.of("demo", List.of(web("demo", 1, "v1")));
    result(agent.convergeAll(desired));
    Dyno crashed = runtime.list().get(0);
    engine.docker.killContainerCmd(crashed.containerId()).exec();
    TestDocker.await("the dyno is down", () -> !engine.running(crashed.containerId()));

    result(agent.convergeAll(desired));
    TestDocker.await("web.1 is up again", () -> agent.status("demo").get(0).restarts() == 1
        && agent.status("demo").get(0).state().equals(DynoStatus.UP));

    assertThat(runtime.list()).singleElement().satisfies(d -> {
      assertThat(d.containerId()).isNotEqualTo(crashed.containerId());
      assertThat(d.running()).isTrue();
    });
    assertThat(engine.exists(crashed.containerId())).isFalse();
    assertThat(logs).filteredOn(line -> line.stream().equals(LogLine.PLATFORM)).extracting(LogLine::text)
        .containsSubsequence("State changed from starting to up", "Process exited with status 137",
            "State changed from up to crashed", "State changed from crashed to starting",
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

  @Test
  void aDynoThatKeepsCrashingIsRestartedAtOnceThenAfterGrowingWaits(Vertx vertx) throws Exception {
    Agent patient = new Agent(vertx, runtime, traffic, Duration.ofSeconds(20), logs::add,
        new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(4)));
    List<String> seen = new CopyOnWriteArrayList<>();
    AtomicBoolean watching = new AtomicBoolean(true);
    Thread watcher = new Thread(() -> {
      while (watching.get()) {
        patient.status("demo").forEach(s -> {
          String state = s.state() + " " + s.restarts();
          if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(state)) {
            seen.add(state);
          }
        });
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    watcher.start();
    try {
      result(patient.converge("demo", List.of(crashing(1))));
      TestDocker.await("four restarts", () -> withText(logs, "State changed from crashed to starting").size() >= 4);
    } finally {
      watching.set(false);
      watcher.join();
      result(patient.stop("demo", null));
      patient.close();
    }

    List<LogLine> crashes = withText(logs, "State changed from up to crashed");
    List<LogLine> restarts = withText(logs, "State changed from crashed to starting");
    long[] expected = {0, 500, 1000, 2000};
    long previous = -1;
    for (int i = 0; i < expected.length; i++) {
      long waited = Duration.between(crashes.get(i).time(), restarts.get(i).time()).toMillis();
      assertThat(waited).as("wait before restart %d", i + 1).isBetween(expected[i] - 20, expected[i] + 700)
          .isGreaterThan(previous);
      previous = waited;
    }
    assertThat(withText(logs, "Process exited with status 1")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(withText(logs, "boom")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(seen).containsSubsequence("up 0", "up 1", "crashed 2", "starting 2", "up 2", "crashed 3",
        "starting 3", "up 3", "crashed 4");
    assertThat(engine.containersOf(agentName)).isEmpty();
  }

  @Test
  void restartingTheWebDynosDropsNoRequest(Vertx vertx) throws Exception {
    DrainingTraffic router = new DrainingTraffic(vertx);
    Agent routed = new Agent(vertx, runtime, router, Duration.ofSeconds(20), logs::add);
    List<String> answers = new CopyOnWriteArrayList<>();
    AtomicBoolean asking = new AtomicBoolean(true);
    Thread client = new Thread(() -> {
      while (asking.get()) {
        answers.add(router.get());
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    List<Dyno> before;
    try {
      before = result(routed.converge("demo", List.of(serving("web.1"), serving("web.2"))));
      client.start();
      TestDocker.await("requests flow", () -> answers.size() >= 20);

      result(routed.restart("demo", "web"));
      int restarted = answers.size();
      TestDocker.await("requests flow after the restart", () -> answers.size() >= restarted + 20);
    } finally {
      asking.set(false);
      client.join();
      routed.close();
    }

    assertThat(answers).allSatisfy(answer -> assertThat(answer).matches("HTTP/1\\.[01] 200 OK"));
    assertThat(runtime.list()).hasSize(2).doesNotContainAnyElementsOf(before);
    assertThat(withText(logs, "Restarting")).extracting(LogLine::dyno).containsExactly("web.1", "web.2");
  }
}
