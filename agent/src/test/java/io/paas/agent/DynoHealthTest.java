package io.paas.agent;

import static io.paas.agent.Futures.failure;
import static io.paas.agent.Futures.result;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The health check of a new web dyno against a local HTTP server that plays the app, answering what the test says. */
@ExtendWith(VertxExtension.class)
class DynoHealthTest {
  private final AtomicInteger status = new AtomicInteger(503);
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private FakeRuntime runtime;
  private WorkerExecutor docker;
  private DynoHealth health;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    int port = result(vertx.createHttpServer().requestHandler(req -> {
      requests.add(req.method() + " " + req.uri());
      req.response().setStatusCode(req.path().equals("/missing") ? 404 : status.get()).end("body");
    }).listen(0, "127.0.0.1")).actualPort();
    runtime = new FakeRuntime(port, Set.of());
    docker = vertx.createSharedWorkerExecutor("dyno-health-test");
    health = new DynoHealth(vertx, docker, runtime, Duration.ofSeconds(2));
  }

  @AfterEach
  void tearDown() {
    docker.close();
  }

  private Dyno web() {
    return runtime.start(new DynoSpec("a", "web.1", 1, "a:v1", null, Map.of(), 0));
  }

  @Test
  void aDynoIsNotUpUntilItsPathAnswersBelow400() throws Exception {
    Dyno dyno = web();

    Future<Dyno> up = health.awaitUp(dyno, "/health?deep=1");
    TestDocker.await("the check asked more than once", () -> requests.size() >= 2);

    assertThat(up.isComplete()).as("not up while the path answers 503").isFalse();
    status.set(302);
    assertThat(result(up)).isEqualTo(dyno);
    assertThat(requests).containsOnly("GET /health?deep=1");
  }

  @Test
  void aPathThatNeverPassesFailsWithWhatItLastAnswered() throws Exception {
    Throwable failed = failure(health.awaitUp(web(), "/missing"));

    assertThat(failed).hasMessageContaining("web.1 did not answer GET /missing with a status below 400 within 2 s")
        .hasMessageContaining("(last answer: 404)");
  }

  @Test
  void withoutAPathAnyAnswerToHeadCounts() throws Exception {
    Dyno dyno = web();

    assertThat(result(health.awaitUp(dyno, null))).isEqualTo(dyno);
    assertThat(requests).containsExactly("HEAD /");
  }
}
