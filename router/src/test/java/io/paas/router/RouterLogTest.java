package io.paas.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RouterLogTest extends RouterFixture {

  @Test
  void logsEveryFieldOfAServedRequest() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1").backend()));

    Reply reply = send(to("alpha.paas.test", 8080).setURI("/hello?name=\"x\"").putHeader("X-Forwarded-For", "10.1.2.3"));

    RoutedRequest line = nextLogLine();
    assertThat(line.app()).isEqualTo("alpha");
    assertThat(line.text()).matches("at=info method=GET path=\"/hello\\?name=\\\\\"x\\\\\"\" host=alpha\\.paas\\.test"
        + " request_id=" + reply.headers().get("X-Request-Id") + " fwd=\"10\\.1\\.2\\.3, 127\\.0\\.0\\.1\""
        + " dyno=web\\.1 connect=\\d+ms service=\\d+ms status=200 bytes=5 protocol=http");
  }

  @Test
  void reportsTheStatusAndServiceTimeOfTheLineAsNumbers() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1", request -> vertx.setTimer(50,
        t -> request.response().end("late")))
        .backend()));

    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(200);

    RoutedRequest request = nextLogLine();
    assertThat(request.status()).isEqualTo(200);
    assertThat(request.serviceMillis()).isBetween(50L, 5_000L);
    assertThat(request.text()).contains(" service=" + request.serviceMillis() + "ms status=200 ");
  }

  @Test
  void aRequestNoDynoGotHasNoServiceTime() {
    table.put("idle", List.of());

    assertThat(send(to("idle.paas.test")).status()).isEqualTo(503);

    RoutedRequest request = nextLogLine();
    assertThat(request.status()).isEqualTo(503);
    assertThat(request.serviceMillis()).isEqualTo(RoutedRequest.NOT_SERVED);
  }

  @Test
  void logsNothingForAHostOfNoApp() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1").backend()));

    assertThat(send(to("nope.paas.test")).status()).isEqualTo(404);
    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(200);

    assertThat(nextLogLine().app()).isEqualTo("alpha");
  }
}
