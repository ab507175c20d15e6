package io.paas.router;

import static io.paas.router.FakeDyno.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.WebSocket;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterErrorsTest extends RouterFixture {
  private static final String ID = "[0-9a-f-]{36}";
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

  @Override
  protected RouterOptions options() {
    return super.options().withConnectTimeout(CONNECT_TIMEOUT);
  }

  @Test
  void answers504WhenTheDynoDoesNotAnswerWithinItsAppsRequestTimeout() {
    Promise<Void> dynoConnectionClosed = Promise.promise();
    FakeDyno silent = FakeDyno.start(vertx, "web.1",
        request -> request.connection().closeHandler(v -> dynoConnectionClosed.tryComplete()));
    table.put("slow", List.of(silent.backend()));
    table.settings("slow", new RouteSettings(false, Duration.ofMillis(300)));

    long start = System.nanoTime();
    Reply reply = send(to("slow.paas.test").setURI("/slow"));

    // Well before the default timeout of 30 s.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(10));
    assertThat(reply.status()).isEqualTo(504);
    assertThat(reply.body()).contains("Request timeout");
    assertThat(reply.headers().get("Cache-Control")).isEqualTo("no-store");
    assertThat(nextLogLine().text()).matches("at=error code=H12 desc=\"Request timeout\" method=GET path=\"/slow\""
        + " host=slow\\.paas\\.test request_id=" + ID + " fwd=\"127\\.0\\.0\\.1\" dyno=web\\.1 connect=\\d+ms"
        + " service=\\d+ms status=504 bytes=\\d+ protocol=http");
    await(dynoConnectionClosed.future());
  }

  @Test
  void givesEachAppItsOwnRequestTimeout() {
    Promise<Void> release = Promise.promise();
    Promise<Void> arrived = Promise.promise();
    table.put("patient", List.of(FakeDyno.answeringWhen(vertx, "web.1", arrived, release.future()).backend()));
    table.put("hasty", List.of(FakeDyno.start(vertx, "web.1", request -> { }).backend()));
    table.settings("hasty", new RouteSettings(false, Duration.ofMillis(300)));

    Future<Reply> patient = sendAsync(to("patient.paas.test"), Buffer.buffer());
    await(arrived.future());
    Reply hasty = send(to("hasty.paas.test"));
    release.complete();

    assertThat(hasty.status()).isEqualTo(504);
    assertThat(await(patient).status()).isEqualTo(200);
  }

  @Test
  void givesAWebSocketTheRequestTimeoutForItsHandshakeOnly() throws InterruptedException {
    table.put("chat", List.of(FakeDyno.echoingWebSockets(vertx, "web.1").backend()));
    table.settings("chat", new RouteSettings(false, Duration.ofSeconds(1)));
    WebSocket socket = await(connectWebSocket("chat.paas.test"));
    Promise<String> echo = Promise.promise();
    socket.textMessageHandler(echo::tryComplete);

    Thread.sleep(1_500);
    socket.writeTextMessage("still there");

    assertThat(await(echo.future())).isEqualTo("still there");
  }

  @Test
  void answersTheMaintenancePageWithoutTouchingTheDynos() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1");
    table.put("alpha", List.of(dyno.backend()));
    table.settings("alpha", new RouteSettings(true, RouteSettings.DEFAULT_REQUEST_TIMEOUT));

    Reply reply = send(to("alpha.paas.test"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.headers().get("Content-Type")).startsWith("text/html");
    assertThat(reply.body()).contains("Maintenance mode");
    assertThat(reply.headers().get("Retry-After")).matches("\\d+");
    assertThat(reply.headers().get("Cache-Control")).isEqualTo("no-store");
    assertThat(dyno.received()).isEmpty();
    assertThat(nextLogLine().text()).matches("at=info code=H80 desc=\"Maintenance mode\" method=GET path=\"/\""
        + " host=alpha\\.paas\\.test request_id=" + ID + " fwd=\"127\\.0\\.0\\.1\" dyno= connect= service="
        + " status=503 bytes=" + reply.body().length() + " protocol=http");

    table.settings("alpha", RouteSettings.DEFAULT);

    assertThat(send(to("alpha.paas.test")).body()).isEqualTo("web.1");
  }

  @Test
  void logsNoWebDynosForAnAppScaledToZero() {
    table.put("idle", List.of());

    assertThat(send(to("idle.paas.test")).status()).isEqualTo(503);
    assertThat(nextLogLine().text()).startsWith("at=error code=H14 desc=\"No web dynos running\" method=GET ")
        .contains(" dyno= connect= service= status=503 ");
  }

  @Test
  void logsConnectionRefusedWhenEveryDynoRefuses() {
    table.put("alpha", List.of(FakeDyno.refusing(vertx), FakeDyno.refusing(vertx)));

    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(503);
    assertThat(nextLogLine().text()).startsWith("at=error code=H21 desc=\"Backend connection refused\" ")
        .containsPattern(" dyno=web\\.down connect=\\d+ms service= status=503 ");
  }

  @Test
  void answers503WhenNoDynoAcceptsTheConnectionInTime() throws IOException {
    try (ServerSocket saturated = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         Socket first = new Socket(saturated.getInetAddress(), saturated.getLocalPort());
         Socket second = new Socket(saturated.getInetAddress(), saturated.getLocalPort())) {
      // Nothing accepts, and the accept queue is full: the kernel drops further connection attempts.
      table.put("alpha", List.of(new Backend("web.1", "127.0.0.1", saturated.getLocalPort())));

      long start = System.nanoTime();
      Reply reply = send(to("alpha.paas.test"));

      assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(CONNECT_TIMEOUT);
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.body()).contains("Backend connection timeout");
      assertThat(nextLogLine().text()).startsWith("at=error code=H19 desc=\"Backend connection timeout\" ")
          .containsPattern(" dyno=web\\.1 connect=\\d{4,}ms service= status=503 ");
    }
  }

  @Test
  void logsServerRequestInterruptedWhenTheDynoBreaksOffItsResponse() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1", request -> request.response().setChunked(true)
        .write("the first part").onComplete(written -> request.connection().close())).backend()));

    Future<Buffer> body = client.request(to("alpha.paas.test"))
        .compose(HttpClientRequest::send)
        .compose(response -> response.body());

    assertThatThrownBy(() -> await(body)).isNotNull();
    assertThat(nextLogLine().text()).startsWith("at=error code=H18 desc=\"Server Request Interrupted\" ")
        .contains(" dyno=web.1 ", " status=200 ");
  }

  @Test
  void logsClientRequestInterruptedWhenTheClientLeavesFirst() {
    Promise<Void> arrived = Promise.promise();
    FakeDyno stuck = FakeDyno.answeringWhen(vertx, "web.1", arrived, Promise.<Void>promise().future());
    table.put("alpha", List.of(stuck.backend()));
    HttpClientRequest request = await(client.request(to("alpha.paas.test")));
    request.end();
    await(arrived.future());

    await(request.connection().close());

    assertThat(nextLogLine().text()).startsWith("at=info code=H27 desc=\"Client Request Interrupted\" ")
        .contains(" dyno=web.1 ", " status=499 ");
  }
}
