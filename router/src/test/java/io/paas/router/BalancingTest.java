package io.paas.router;

import static io.paas.router.FakeDyno.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BalancingTest extends RouterFixture {
  private static final Duration QUARANTINE = Duration.ofSeconds(2);

  @Override
  protected RouterOptions options() {
    return super.options().withQuarantine(QUARANTINE);
  }

  @Test
  void spreadsRequestsEvenlyOverTheAppsDynos() {
    table.put("alpha", backends(FakeDyno.start(vertx, "web.1"), FakeDyno.start(vertx, "web.2"),
        FakeDyno.start(vertx, "web.3")));

    List<Future<Reply>> replies = IntStream.range(0, 300)
        .mapToObj(i -> sendAsync(to("alpha.paas.test"), Buffer.buffer()))
        .toList();

    Map<String, Long> answeredBy = replies.stream()
        .map(reply -> await(reply).body())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(answeredBy).isEqualTo(Map.of("web.1", 100L, "web.2", 100L, "web.3", 100L));
  }

  @Test
  void losesNoGetWhenADynoDiesUnderLoad() {
    FakeDyno doomed = FakeDyno.start(vertx, "web.2");
    table.put("alpha", backends(FakeDyno.start(vertx, "web.1"), doomed, FakeDyno.start(vertx, "web.3")));
    AtomicInteger answered = new AtomicInteger();
    AtomicBoolean killed = new AtomicBoolean();
    Queue<String> failures = new ConcurrentLinkedQueue<>();
    Queue<String> answeredBy = new ConcurrentLinkedQueue<>();
    int clients = 8;
    int requestsEach = 150;

    List<Future<Void>> loops = IntStream.range(0, clients)
        .mapToObj(i -> getInALoop(requestsEach, reply -> {
          if (reply.status() == 200) {
            answeredBy.add(reply.body());
          } else {
            failures.add(reply.status() + " " + reply.body());
          }
          if (answered.incrementAndGet() == clients * requestsEach / 4 && killed.compareAndSet(false, true)) {
            doomed.server().close();
          }
        }, failures))
        .toList();
    loops.forEach(FakeDyno::await);

    assertThat(killed).isTrue();
    assertThat(failures).isEmpty();
    assertThat(answeredBy).hasSize(clients * requestsEach).contains("web.1", "web.2", "web.3");
  }

  @Test
  void keepsADynoThatResetsConnectionsOutOfRotationForAWhile() throws InterruptedException {
    AtomicBoolean resetting = new AtomicBoolean(true);
    FakeDyno flaky = FakeDyno.start(vertx, "web.2", new HttpServerOptions().setSoLinger(0), request -> {
      if (resetting.get()) {
        request.connection().close();
      } else {
        request.response().end("web.2");
      }
    });
    table.put("alpha", backends(FakeDyno.start(vertx, "web.1"), flaky, FakeDyno.start(vertx, "web.3")));

    List<String> duringQuarantine = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      duringQuarantine.add(send(to("alpha.paas.test")).body());
    }
    resetting.set(false);

    assertThat(flaky.received()).hasSize(1);
    assertThat(duringQuarantine).containsOnly("web.1", "web.3").hasSize(6);
    Thread.sleep(QUARANTINE.toMillis());
    List<String> afterwards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      afterwards.add(send(to("alpha.paas.test")).body());
    }
    assertThat(afterwards).containsExactlyInAnyOrder("web.1", "web.2", "web.3");
  }

  @Test
  void retriesAGetOnAnotherDynoButNeverReplaysABody() {
    FakeDyno uploadsReset = FakeDyno.resetting(vertx, "web.1");
    FakeDyno uploadsOk = FakeDyno.start(vertx, "web.2");
    FakeDyno fetchesReset = FakeDyno.resetting(vertx, "web.1");
    FakeDyno fetchesOk = FakeDyno.start(vertx, "web.2");
    table.put("uploads", backends(uploadsReset, uploadsOk));
    table.put("fetches", backends(fetchesReset, fetchesOk));

    Reply post = send(to("uploads.paas.test").setMethod(HttpMethod.POST), Buffer.buffer("payload"));

    assertThat(post.status()).isEqualTo(502);
    assertThat(post.body()).contains("Connection closed without response");
    assertThat(uploadsReset.received()).hasSize(1);
    assertThat(uploadsOk.received()).isEmpty();
    assertThat(nextLogLine().text()).contains("at=error code=H13 ", " method=POST ", " dyno=web.1 ", " status=502 ");

    Reply get = send(to("fetches.paas.test"));

    assertThat(get.status()).isEqualTo(200);
    assertThat(get.body()).isEqualTo("web.2");
    assertThat(fetchesReset.received()).hasSize(1);
    assertThat(nextLogLine().text()).startsWith("at=info method=GET ").contains(" dyno=web.2 ", " status=200 ");
  }

  /** Sends GETs one after the other; completes after the last, each reply or failure handed on. */
  private Future<Void> getInALoop(int remaining, Consumer<Reply> onReply, Queue<String> failures) {
    if (remaining == 0) {
      return Future.succeededFuture();
    }
    return sendAsync(to("alpha.paas.test"), Buffer.buffer())
        .andThen(result -> {
          if (result.succeeded()) {
            onReply.accept(result.result());
          } else {
            failures.add(result.cause().toString());
          }
        })
        .transform(done -> getInALoop(remaining - 1, onReply, failures));
  }

  private static List<Backend> backends(FakeDyno... dynos) {
    return List.of(dynos).stream().map(FakeDyno::backend).toList();
  }
}
