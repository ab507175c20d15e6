package io.paas.agent;

import static io.paas.agent.Futures.failure;
import static io.paas.agent.Futures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The agent's ordering and bookkeeping with an in-memory runtime; every fake dyno answers on one local server. */
@ExtendWith(VertxExtension.class)
class AgentLoopTest {
  private final List<LogLine> logs = new CopyOnWriteArrayList<>();
  private int port;

  private static DynoSpec spec(String app, String name, int release) {
    return new DynoSpec(app, name, release, app + ":v" + release, null, Map.of(), 0);
  }

  /** An agent whose traffic switch is instant and whose log lines go to {@link #logs}. */
  private Agent shipping(Vertx vertx, FakeRuntime runtime) {
    return new Agent(vertx, runtime, (app, dynos) -> Future.succeededFuture(), Duration.ofSeconds(5), logs::add);
  }

  @BeforeEach
  void startServer(Vertx vertx) throws Exception {
    port = result(vertx.createHttpServer().requestHandler(req -> req.response().end("ok")).listen(0)).actualPort();
  }

  @Test
  void convergeCallsForOneAppRunOneAfterAnotherWhileOtherAppsProceed(Vertx vertx) throws Exception {
    FakeRuntime runtime = new FakeRuntime(port, Set.of());
    Promise<Void> firstAtSwitch = Promise.promise();
    Promise<Void> firstDrained = Promise.promise();
    List<String> served = new CopyOnWriteArrayList<>();
    TrafficSwitch traffic = (app, dynos) -> {
      String call = app + " v" + dynos.get(0).release();
      served.add(call);
      if (call.equals("a v1")) {
        firstAtSwitch.complete();
        return firstDrained.future();
      }
      return Future.succeededFuture();
    };
    Agent agent = new Agent(vertx, runtime, traffic);

    Future<List<Dyno>> first = agent.converge("a", List.of(spec("a", "web.1", 1)));
    Future<List<Dyno>> second = agent.converge("a", List.of(spec("a", "web.1", 2)));
    result(firstAtSwitch.future());
    result(agent.converge("b", List.of(spec("b", "web.1", 1))));

    assertThat(first.isComplete()).isFalse();
    assertThat(runtime.started).extracting(s -> s.app() + " v" + s.release()).containsExactly("a v1", "b v1");

    firstDrained.complete();
    result(first);
    assertThat(result(second)).extracting(Dyno::release).containsExactly(2);
    assertThat(served).containsExactly("a v1", "b v1", "a v2");
    assertThat(runtime.list()).extracting(d -> d.app() + " v" + d.release()).containsExactlyInAnyOrder("a v2", "b v1");
  }

  @Test
  void onlyWebDynosReceiveTraffic(Vertx vertx) throws Exception {
    FakeRuntime runtime = new FakeRuntime(port, Set.of());
    List<List<Dyno>> served = new CopyOnWriteArrayList<>();
    Agent agent = new Agent(vertx, runtime, (app, dynos) -> {
      served.add(dynos);
      return Future.succeededFuture();
    });

    List<Dyno> running = result(agent.converge("a", List.of(spec("a", "web.1", 1), spec("a", "worker.1", 1))));

    assertThat(running).extracting(Dyno::name).containsExactly("web.1", "worker.1");
    assertThat(served).singleElement().satisfies(dynos -> assertThat(dynos).extracting(Dyno::name)
        .containsExactly("web.1"));
  }

  @Test
  void oneFailingAppDoesNotStopTheOthers(Vertx vertx) throws Exception {
    FakeRuntime runtime = new FakeRuntime(port, Set.of("broken"));
    List<String> served = new CopyOnWriteArrayList<>();
    Agent agent = new Agent(vertx, runtime, (app, dynos) -> {
      served.add(app);
      return Future.succeededFuture();
    });

    Throwable failed = failure(agent.convergeAll(Map.of(
        "broken", List.of(spec("broken", "web.1", 1)),
        "good", List.of(spec("good", "web.1", 1)))));

    assertThat(failed).hasMessage("Converging failed for broken");
    assertThat(runtime.list()).extracting(Dyno::app).containsExactly("good");
    assertThat(served).containsExactly("good");
    assertThat(failure(agent.converge("broken", List.of(spec("broken", "web.1", 1)))))
        .hasMessage("web.1 could not start: No such image: broken:v1");
  }

  @Test
  void lifecycleEventsAreShippedAsPlatformLines(Vertx vertx) throws Exception {
    FakeRuntime runtime = new FakeRuntime(port, Set.of());
    Agent agent = shipping(vertx, runtime);

    Dyno v1 = result(agent.converge("a", List.of(spec("a", "web.1", 1)))).get(0);
    result(agent.converge("a", List.of(spec("a", "web.1", 2))));
    Dyno v2 = runtime.list().get(0);
    runtime.exit(v2, 3);
    result(agent.converge("a", List.of(spec("a", "web.1", 2))));
    TestDocker.await("web.1 restarted", () -> logs.size() == 7);

    assertThat(logs).allSatisfy(line -> {
      assertThat(line.app()).isEqualTo("a");
      assertThat(line.dyno()).isEqualTo("web.1");
      assertThat(line.stream()).isEqualTo(LogLine.PLATFORM);
    }).extracting(LogLine::text).containsExactly(
        "State changed from starting to up",
        "State changed from starting to up",
        "Stopping all processes with SIGTERM",
        "Process exited with status 3",
        "State changed from up to crashed",
        "State changed from crashed to starting",
        "State changed from starting to up");
    assertThat(runtime.list()).singleElement().satisfies(d -> assertThat(d.containerId())
        .isNotIn(v1.containerId(), v2.containerId()));
  }

  @Test
  void aBrokenLogFollowerIsReattachedAfterTheLastLineShipped(Vertx vertx) throws Exception {
    FakeRuntime runtime = new FakeRuntime(port, Set.of());
    Agent agent = shipping(vertx, runtime);
    List<DynoSpec> desired = List.of(spec("a", "web.1", 1));

    result(agent.converge("a", desired));
    FakeRuntime.Follow first = runtime.follows.get(0);
    LogLine shipped = new LogLine("a", "web.1", Instant.parse("2026-01-02T03:04:05.123456789Z"), LogLine.STDOUT,
        "tick");
    first.sink().line(shipped);
    result(agent.converge("a", desired));
    assertThat(runtime.follows).as("one follower per container").hasSize(1);

    first.ended().run();
    result(agent.converge("a", desired));

    assertThat(first.after()).isEqualTo(Instant.EPOCH);
    assertThat(logs).contains(shipped);
    assertThat(runtime.follows).hasSize(2).last().satisfies(again -> {
      assertThat(again.dyno()).isEqualTo(first.dyno());
      assertThat(again.after()).isEqualTo(shipped.time());
    });
  }
}
