package io.paas.agent;

import static io.paas.agent.Futures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Crashes, their backoff and what resets it, with an in-memory runtime whose dynos answer on one local server. */
@ExtendWith(VertxExtension.class)
class CrashRecoveryTest {
  private static final String CRASHED = "State changed from up to crashed";
  private static final String RESTARTING = "State changed from crashed to starting";
  private static final String FAILED = "State changed from starting to crashed";

  private final List<LogLine> logs = new CopyOnWriteArrayList<>();
  private final Set<String> broken = ConcurrentHashMap.newKeySet();
  private FakeRuntime runtime;
  private RecordingTraffic traffic;
  private Agent agent;

  private static DynoSpec spec(String name, int release) {
    return new DynoSpec("a", name, release, "a:v" + release, null, Map.of(), 0);
  }

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    int port = result(vertx.createHttpServer().requestHandler(req -> req.response().end("ok")).listen(0))
        .actualPort();
    runtime = new FakeRuntime(port, broken);
    traffic = new RecordingTraffic(vertx, runtime);
  }

  @AfterEach
  void tearDown() {
    if (agent != null) {
      agent.close();
    }
  }

  private Agent agent(Vertx vertx, RestartPolicy policy) {
    agent = new Agent(vertx, runtime, traffic, Duration.ofSeconds(5), logs::add, policy);
    return agent;
  }

  private DynoStatus status(String name) {
    return agent.status("a").stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  private List<Instant> times(String text) {
    return logs.stream().filter(line -> line.text().equals(text)).map(LogLine::time).toList();
  }

  private void awaitState(String name, String state, int restarts) throws InterruptedException {
    FakeRuntime.awaitState(agent, "a", name, state, restarts);
  }

  @Test
  void aCrashedDynoIsRestartedAtOnceAndLeavesTheTrafficMeanwhile(Vertx vertx) throws Exception {
    agent(vertx, RestartPolicy.DEFAULT);
    result(agent.converge("a", List.of(spec("web.1", 1), spec("web.2", 1))));
    Dyno web1 = runtime.running("a", "web.1");
    Dyno web2 = runtime.running("a", "web.2");

    runtime.crash(web2, 1);
    awaitState("web.2", DynoStatus.UP, 1);

    Dyno restarted = runtime.running("a", "web.2");
    assertThat(restarted).isNotEqualTo(web2);
    assertThat(traffic.calls).extracting(RecordingTraffic.Call::dynos)
        .containsExactly(List.of(web1, web2), List.of(web1), List.of(web1, restarted));
    assertThat(logs).filteredOn(line -> line.dyno().equals("web.2")).extracting(LogLine::text).containsExactly(
        "State changed from starting to up", "Process exited with status 1", CRASHED, RESTARTING,
        "State changed from starting to up");
    assertThat(status("web.1").restarts()).isZero();
  }

  @Test
  void restartsThatFailWaitLongerEachTimeUpToTheCap(Vertx vertx) throws Exception {
    agent(vertx, new RestartPolicy(Duration.ofMillis(200), Duration.ofMillis(800)));
    result(agent.converge("a", List.of(spec("web.1", 1))));
    broken.add("a");

    runtime.crash(runtime.running("a", "web.1"), 1);
    TestDocker.await("six failed restarts", () -> times(FAILED).size() == 6);
    DynoStatus waiting = status("web.1");
    broken.clear();
    awaitState("web.1", DynoStatus.UP, 7);

    List<Instant> crashes = new ArrayList<>(times(CRASHED));
    crashes.addAll(times(FAILED));
    List<Instant> restarts = times(RESTARTING);
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < restarts.size(); i++) {
      waits.add(Duration.between(crashes.get(i), restarts.get(i)).toMillis());
    }
    assertThat(waits).hasSize(7);
    long[] expected = {0, 200, 400, 800, 800, 800, 800};
    for (int i = 0; i < expected.length; i++) {
      assertThat(waits.get(i)).as("wait before restart %d of %s", i + 1, waits)
          .isBetween(expected[i] - 20, expected[i] + 400);
    }
    assertThat(waiting.state()).isEqualTo(DynoStatus.CRASHED);
    assertThat(waiting.restarts()).isEqualTo(7);
    assertThat(waiting.containerId()).isNull();
    assertThat(waiting.port()).isZero();
  }

  @Test
  void convergeAllDuringTheBackoffLeavesTheCrashedDynoAlone(Vertx vertx) throws Exception {
    agent(vertx, new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    Map<String, List<DynoSpec>> desired = Map.of("a", List.of(spec("web.1", 1)));
    result(agent.convergeAll(desired));

    runtime.crashTwice(agent, "a", "web.1");
    Instant crashed = times(CRASHED).get(1);
    result(agent.convergeAll(desired));
    result(agent.converge("a", desired.get("a")));

    assertThat(runtime.list()).isEmpty();
    assertThat(runtime.started).hasSize(2);
    assertThat(status("web.1").state()).isEqualTo(DynoStatus.CRASHED);
    awaitState("web.1", DynoStatus.UP, 2);
    assertThat(Duration.between(crashed, times(RESTARTING).get(1)).toMillis()).isGreaterThanOrEqualTo(1980);
    assertThat(runtime.started).hasSize(3);
  }

  @Test
  void aNewReleaseResetsTheRestartsAndCancelsThePendingRestart(Vertx vertx) throws Exception {
    agent(vertx, new RestartPolicy(Duration.ofMillis(500), Duration.ofSeconds(10)));
    result(agent.converge("a", List.of(spec("web.1", 1))));
    runtime.crashTwice(agent, "a", "web.1");

    List<Dyno> serving = result(agent.converge("a", List.of(spec("web.1", 2))));
    Thread.sleep(800);

    assertThat(status("web.1")).satisfies(s -> {
      assertThat(s.state()).isEqualTo(DynoStatus.UP);
      assertThat(s.release()).isEqualTo(2);
      assertThat(s.restarts()).isZero();
      assertThat(s.containerId()).isEqualTo(serving.get(0).containerId());
    });
    assertThat(runtime.started).extracting(DynoSpec::release).containsExactly(1, 1, 2);
    assertThat(runtime.list()).containsExactlyElementsOf(serving);
  }

  @Test
  void aCrashedDynoOfTheDesiredReleaseIsMissingFromTheConvergeResult(Vertx vertx) throws Exception {
    agent(vertx, new RestartPolicy(Duration.ofSeconds(5), Duration.ofSeconds(10)));
    List<DynoSpec> desired = List.of(spec("web.1", 1), spec("worker.1", 1));
    result(agent.converge("a", desired));
    int servedBefore = traffic.calls.size();
    runtime.crashTwice(agent, "a", "worker.1");

    assertThat(result(agent.converge("a", desired))).extracting(Dyno::name).containsExactly("web.1");
    assertThat(traffic.calls).as("a worker's crash leaves the traffic alone").hasSize(servedBefore + 1);
  }

  @Test
  void aDynoThatStayedUpForTheCapCountsItsCrashesAnew(Vertx vertx) throws Exception {
    agent(vertx, new RestartPolicy(Duration.ofMillis(100), Duration.ofMillis(300)));
    result(agent.converge("a", List.of(spec("web.1", 1))));
    runtime.crash(runtime.running("a", "web.1"), 1);
    awaitState("web.1", DynoStatus.UP, 1);

    Thread.sleep(400);
    runtime.crash(runtime.running("a", "web.1"), 1);

    TestDocker.await("restarted", () -> times(RESTARTING).size() == 2);
    awaitState("web.1", DynoStatus.UP, 1);
    assertThat(Duration.between(times(CRASHED).get(1), times(RESTARTING).get(1)).toMillis())
        .isLessThan(90);
  }
}
