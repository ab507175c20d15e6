package io.paas.router;

import static io.paas.router.FakeDyno.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that mean harm, or are merely broken: slow ones (slowloris) do not starve good ones and are closed after
 * the head deadline; oversized heads are refused; none of it takes the router down.
 */
class HostileClientsTest extends RouterFixture {
  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final int SLOW_CLIENTS = 200;

  private FakeDyno dyno;

  @Override
  protected RouterOptions options() {
    return super.options().withHeadDeadline(DEADLINE);
  }

  @BeforeEach
  void startDyno() {
    dyno = FakeDyno.start(vertx, "web.1");
    table.put("alpha", List.of(dyno.backend()));
  }

  @Test
  void goodClientsAreServedPromptlyWhileSlowOnesTrickleAndSlowOnesAreClosedAfterTheDeadline() throws Exception {
    try (SlowClients slow = SlowClients.open(routerPort, SLOW_CLIENTS, "alpha.paas.test")) {
      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        assertThat(send(to("alpha.paas.test")).status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
      }

      Thread.sleep(2 * DEADLINE.toMillis());

      assertThat(slow.stillOpen((int) DEADLINE.toMillis())).as("of %d slow connections", slow.count()).isZero();
    }
    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(200);
  }

  @Test
  void aRequestUnderWayIsNotCutByTheDeadline() {
    FakeDyno slowDyno = FakeDyno.start(vertx, "web.1", request ->
        vertx.setTimer(3 * DEADLINE.toMillis(), id -> request.response().end("late")));
    table.put("beta", List.of(slowDyno.backend()));

    Reply reply = send(to("beta.paas.test"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("late");
  }

  @Test
  void anOpenWebSocketOutlivesTheDeadline() throws Exception {
    table.put("chat", List.of(FakeDyno.echoingWebSockets(vertx, "web.1").backend()));
    Promise<String> echo = Promise.promise();
    var socket = await(connectWebSocket("chat.paas.test"));
    socket.textMessageHandler(echo::tryComplete);

    Thread.sleep(3 * DEADLINE.toMillis());
    await(socket.writeTextMessage("still here"));

    assertThat(await(echo.future())).isEqualTo("still here");
  }

  @Test
  void aHundredKilobyteHeaderIsRefusedAndTheRouterServesOn() throws Exception {
    String answer = raw("GET / HTTP/1.1\r\nHost: alpha.paas.test\r\nX-Big: " + "x".repeat(100 * 1024) + "\r\n\r\n");

    assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 431 "), a -> assertThat(a).isEmpty());
    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(200);
  }

  @Test
  void tenThousandHeadersAreRefusedAndTheRouterServesOn() throws Exception {
    String answer = raw("GET / HTTP/1.1\r\nHost: alpha.paas.test\r\n" + "X-Many: y\r\n".repeat(10_000) + "\r\n");

    assertThat(answer).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 431 "), a -> assertThat(a).isEmpty());
    assertThat(dyno.received()).isEmpty();
    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(200);
  }

  /** What the router answers to these bytes before it closes the connection (empty if nothing). */
  private String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", routerPort)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closedMidway) {
        // refused before it was all sent; read what was said
      }
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      try {
        InputStream in = socket.getInputStream();
        in.transferTo(answer);
      } catch (IOException reset) {
        // closed on us
      }
      return answer.toString(StandardCharsets.US_ASCII);
    }
  }
}
