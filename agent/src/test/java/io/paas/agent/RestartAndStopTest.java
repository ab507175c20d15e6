package io.paas.agent;

import static io.paas.agent.Futures.failure;
import static io.paas.agent.Futures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ps:restart, ps:stop, scaling and the dynos' status, with an in-memory runtime whose dynos answer on one local
 * server and a traffic switch that records what ran at each switch.
 */
@ExtendWith(VertxExtension.class)
class RestartAndStopTest {
  private static final List<DynoSpec> FORMATION = List.of(spec("web.1"), spec("web.2"), spec("worker.1"));

  private final List<LogLine> logs = new CopyOnWriteArrayList<>();
  private FakeRuntime runtime;
  private RecordingTraffic traffic;
  private Agent agent;

  private static DynoSpec spec(String name) {
    return new DynoSpec("a", name, 1, "a:v1", null, Map.of(), 0);
  }

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    int port = result(vertx.createHttpServer().requestHandler(req -> req.response().end("ok")).listen(0))
        .actualPort();
    runtime = new FakeRuntime(port, Set.of());
    traffic = new RecordingTraffic(vertx, runtime);
    useBackoff(vertx, Duration.ofSeconds(5));
  }

  private void useBackoff(Vertx vertx, Duration base) {
    if (agent != null) {
      agent.close();
    }
    agent = new Agent(vertx, runtime, traffic, Duration.ofSeconds(5), logs::add,
        new RestartPolicy(base, Duration.ofSeconds(10)));
  }

  @AfterEach
  void tearDown() {
    agent.close();
  }

  private DynoStatus status(String name) {
    return agent.status("a").stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private List<String> platformLines(String dyno) {
    return logs.stream().filter(line -> line.dyno().equals(dyno)).map(LogLine::text).toList();
  }

  @Test
  void restartReplacesEachDynoOneAtATimeAndStopsTheOldOneOnlyAfterTheSwitch() throws Exception {
    List<Dyno> before = result(agent.converge("a", FORMATION));
    traffic.calls.clear();

    result(agent.restart("a", null));

    // The first converge starts its dynos side by side, in any order; the restart goes one at a time, in order.
    List<String> started = runtime.started.stream().map(DynoSpec::name).toList();
    assertThat(started.subList(0, 3)).containsExactlyInAnyOrder("web.1", "web.2", "worker.1");
    assertThat(started.subList(3, started.size())).containsExactly("web.1", "web.2", "worker.1");
    assertThat(runtime.list()).hasSize(3).doesNotContainAnyElementsOf(before);
    assertThat(traffic.calls).as("one switch per web dyno").hasSize(2).allSatisfy(call -> {
      assertThat(call.containersAtSwitch()).as("only the one being replaced is doubled").hasSize(4);
      assertThat(call.dynos()).hasSize(2);
    });
    Dyno oldWeb1 = before.get(0);
    RecordingTraffic.Call first = traffic.calls.get(0);
    assertThat(first.containersAtSwitch()).as("old web.1 still runs when its traffic moves").contains(oldWeb1);
    assertThat(first.dynos()).doesNotContain(oldWeb1).contains(before.get(1));
    assertThat(agent.status("a")).allSatisfy(s -> {
      assertThat(s.state()).isEqualTo(DynoStatus.UP);
      assertThat(s.restarts()).isZero();
    }).extracting(DynoStatus::containerId).containsExactlyElementsOf(runtime.list().stream()
        .map(Dyno::containerId).toList());
    assertThat(platformLines("web.1")).containsExactly("State changed from starting to up", "Restarting",
        "State changed from starting to up", "Stopping all processes with SIGTERM");
  }

  @Test
  void aNewHealthCheckPathKeepsTheRunningDynoAndAppliesToItsNextStart() throws Exception {
    Dyno running = result(agent.converge("a", List.of(spec("web.1")))).get(0);
    DynoSpec checked = new DynoSpec("a", "web.1", 1, "a:v1", null, Map.of(), 0, 0, "/health");

    assertThat(result(agent.converge("a", List.of(checked)))).containsExactly(running);
    assertThat(runtime.started).hasSize(1);

    result(agent.restart("a", "web.1"));

    assertThat(runtime.started).extracting(DynoSpec::healthCheckPath).containsExactly(null, "/health");
  }

  @Test
  void restartOfATypeOrANameTouchesOnlyThose() throws Exception {
    List<Dyno> before = result(agent.converge("a", FORMATION));

    result(agent.restart("a", "web.2"));
    result(agent.restart("a", "worker"));

    assertThat(runtime.started).extracting(DynoSpec::name).endsWith("web.2", "worker.1").hasSize(5);
    assertThat(runtime.list()).contains(before.get(0)).doesNotContain(before.get(1), before.get(2));
  }

  @Test
  void restartAndStopOfAnUnknownDynoFail() throws Exception {
    result(agent.converge("a", FORMATION));

    assertThat(failure(agent.restart("a", "web.3"))).isInstanceOf(NoSuchDynoException.class)
        .hasMessage("a has no dyno web.3.");
    assertThat(failure(agent.restart("a", "clock"))).isInstanceOf(NoSuchDynoException.class)
        .hasMessage("a has no clock dynos.");
    assertThat(failure(agent.stop("a", "worker.2"))).isInstanceOf(NoSuchDynoException.class);
    assertThat(failure(agent.stop("other", "web.1"))).isInstanceOf(NoSuchDynoException.class);
    assertThat(runtime.started).hasSize(3);
  }

  @Test
  void stopMovesTrafficOffThenStopsAndTheNextConvergeStartsItAgain() throws Exception {
    List<Dyno> before = result(agent.converge("a", FORMATION));
    Dyno web2 = before.get(1);

    result(agent.stop("a", "web.2"));

    RecordingTraffic.Call off = traffic.calls.get(traffic.calls.size() - 1);
    assertThat(off.dynos()).containsExactly(before.get(0));
    assertThat(off.containersAtSwitch()).as("stopped only after the switch").contains(web2);
    assertThat(runtime.list()).doesNotContain(web2).hasSize(2);
    assertThat(status("web.2")).satisfies(s -> {
      assertThat(s.state()).isEqualTo(DynoStatus.DOWN);
      assertThat(s.containerId()).isNull();
    });
    assertThat(platformLines("web.2")).endsWith("State changed from up to down",
        "Stopping all processes with SIGTERM");

    result(agent.convergeAll(Map.of("a", FORMATION)));

    assertThat(status("web.2").state()).isEqualTo(DynoStatus.UP);
    assertThat(runtime.list()).hasSize(3);
  }

  @Test
  void aStoppedCrashedDynoIsNotRestartedAndRestartStartsItAtOnce(Vertx vertx) throws Exception {
    useBackoff(vertx, Duration.ofSeconds(1));
    result(agent.converge("a", FORMATION));
    runtime.crashTwice(agent, "a", "worker.1");

    result(agent.stop("a", "worker"));
    Thread.sleep(1300);
    assertThat(status("worker.1").state()).as("its restart was due by now").isEqualTo(DynoStatus.DOWN);
    assertThat(runtime.started).hasSize(4);
    result(agent.restart("a", "worker.1"));

    assertThat(status("worker.1")).satisfies(s -> {
      assertThat(s.state()).isEqualTo(DynoStatus.UP);
      assertThat(s.restarts()).isEqualTo(2);
    });
    assertThat(platformLines("worker.1")).endsWith("State changed from crashed to down", "Restarting",
        "State changed from down to starting", "State changed from starting to up");
  }

  @Test
  void restartStartsACrashedDynoWithoutWaitingForItsBackoff() throws Exception {
    result(agent.converge("a", FORMATION));
    runtime.crashTwice(agent, "a", "web.1");

    result(agent.restart("a", "web"));

    assertThat(status("web.1").state()).isEqualTo(DynoStatus.UP);
    assertThat(traffic.calls.get(traffic.calls.size() - 1).dynos()).extracting(Dyno::name)
        .containsExactly("web.1", "web.2");
  }

  @Test
  void scalingDownDrainsTheRemovedDynosBeforeStoppingThem() throws Exception {
    List<Dyno> three = result(agent.converge("a", List.of(spec("web.1"), spec("web.2"), spec("web.3"))));

    result(agent.converge("a", List.of(spec("web.1"))));

    RecordingTraffic.Call last = traffic.calls.get(traffic.calls.size() - 1);
    assertThat(last.dynos()).containsExactly(three.get(0));
    assertThat(last.containersAtSwitch()).containsExactlyInAnyOrderElementsOf(three);
    assertThat(runtime.list()).containsExactly(three.get(0));
    assertThat(agent.status("a")).extracting(DynoStatus::name).containsExactly("web.1");
  }

  @Test
  void scalingUpStartsTheNewDynosSideBySide() throws Exception {
    result(agent.converge("a", List.of(spec("web.1"))));
    runtime.startTogether = new CountDownLatch(3);

    List<Dyno> four = result(agent.converge("a",
        List.of(spec("web.1"), spec("web.2"), spec("web.3"), spec("web.4"))));

    assertThat(four).extracting(Dyno::name).containsExactly("web.1", "web.2", "web.3", "web.4");
    assertThat(traffic.calls.get(traffic.calls.size() - 1).dynos()).hasSize(4);
  }

  @Test
  void statusListsDynosByTypeThenNumber() throws Exception {
    result(agent.converge("b", List.of(new DynoSpec("b", "web.1", 3, "b:v3", null, Map.of(), 0))));
    result(agent.converge("a", List.of(spec("worker.1"), spec("web.10"), spec("web.2"), spec("clock.1"),
        spec("web.1"))));

    assertThat(agent.status("a")).extracting(DynoStatus::name)
        .containsExactly("clock.1", "web.1", "web.2", "web.10", "worker.1");
    assertThat(agent.status()).extracting(s -> s.app() + " " + s.name()).containsExactly("a clock.1", "a web.1",
        "a web.2", "a web.10", "a worker.1", "b web.1");
    assertThat(agent.status("b")).singleElement().satisfies(s -> {
      assertThat(s.release()).isEqualTo(3);
      assertThat(s.state()).isEqualTo(DynoStatus.UP);
      assertThat(s.restarts()).isZero();
      assertThat(s.since()).isNotNull();
      assertThat(s.containerId()).isEqualTo(runtime.running("b", "web.1").containerId());
      assertThat(s.host()).isEqualTo("127.0.0.1");
      assertThat(s.port()).isPositive();
    });
    assertThat(agent.status("none")).isEmpty();
  }

  @Test
  void anEmptiedAppIsForgotten() throws Exception {
    result(agent.converge("a", FORMATION));

    result(agent.convergeAll(Map.of()));

    assertThat(agent.status()).isEmpty();
    assertThat(runtime.list()).isEmpty();
  }
}
