package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.RawHttp.Answer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The API port against slow clients (slowloris) and oversized heads: good calls are answered promptly while 200
 * connections trickle or sit silent, those are closed after the head deadline, a log stream is not, and a 100 KB
 * header or 10k headers are refused without taking the port down. The port here is the API's router served with a
 * one-second deadline, so the test need not wait out the real one.
 */
class HostileClientsApiTest extends ApiTestBase {
  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final int SLOW_CLIENTS = 200;

  private static int port;
  private static String token;
  private static String app;

  @BeforeAll
  static void listenWithAShortDeadline() throws Exception {
    port = platform.server.listen(platform.router, "127.0.0.1", 0, DEADLINE).await(10, TimeUnit.SECONDS).actualPort();
    token = api.newUser();
    app = api.newApp(token);
  }

  @Test
  void goodCallsAreAnsweredPromptlyWhileSlowClientsTrickleAndSlowClientsAreClosedAfterTheDeadline() throws Exception {
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try {
      for (int i = 0; i < SLOW_CLIENTS; i++) {
        Socket socket = new Socket("127.0.0.1", port);
        if (i % 2 == 0) {
          socket.getOutputStream().write("GET /apps HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        }
        slow.add(socket);
      }
      trickle.scheduleAtFixedRate(() -> slow.stream().filter(s -> slow.indexOf(s) % 2 == 0).forEach(s -> {
        try {
          s.getOutputStream().write('a');
        } catch (IOException closedByTheServer) {
          // counted below
        }
      }), 200, 200, TimeUnit.MILLISECONDS);

      for (int i = 0; i < 20; i++) {
        long started = System.nanoTime();
        Answer answer = RawHttp.send(port, "GET /apps/" + app + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + token, new byte[0]);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
      }

      Thread.sleep(2 * DEADLINE.toMillis());

      assertThat(slow.stream().filter(HostileClientsApiTest::stillOpen).count()).as("slow connections still open")
          .isZero();
    } finally {
      trickle.shutdownNow();
      for (Socket socket : slow) {
        socket.close();
      }
    }
  }

  @Test
  void aLogStreamOutlivesTheDeadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.getOutputStream().write(("GET /apps/" + app + "/logs?tail=true HTTP/1.1\r\nHost: x\r\nAccept: "
          + "text/event-stream\r\nAuthorization: Bearer " + token + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      Thread.sleep(3 * DEADLINE.toMillis());

      assertThat(stillOpen(socket)).isTrue();
    }
  }

  @Test
  void aHundredKilobyteHeaderIsRefusedAndThePortServesOn() throws Exception {
    assertRefused(RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "x".repeat(100 * 1024),
        new byte[0]));
  }

  @Test
  void tenThousandHeadersAreRefusedAndThePortServesOn() throws Exception {
    assertRefused(RawHttp.send(port, "GET /health HTTP/1.1\r\nHost: x" + "\r\nX-Many: y".repeat(10_000),
        new byte[0]));
  }

  @Test
  void aRequestLineOverFourKilobytesIsRefused() throws Exception {
    assertThat(RawHttp.send(port, "GET /apps/" + "a".repeat(5000) + " HTTP/1.1\r\nHost: x", new byte[0]).status())
        .isIn(414, -1);
    assertThat(api.call("GET", "/health", null, null).status()).isEqualTo(200);
  }

  private static void assertRefused(Answer answer) throws Exception {
    assertThat(answer.status()).as("431, or closed without an answer").isIn(431, -1);
    assertThat(api.call("GET", "/health", null, null).status()).isEqualTo(200);
  }

  /** Whether the server keeps the connection (reads time out) rather than closing it (end of stream). */
  private static boolean stillOpen(Socket socket) {
    try {
      socket.setSoTimeout(50);
      InputStream in = socket.getInputStream();
      while (in.read() != -1) {
        // whatever it was sent (a stream's keepalives) before
      }
      return false;
    } catch (SocketTimeoutException e) {
      return true;
    } catch (IOException reset) {
      return false;
    }
  }
}
