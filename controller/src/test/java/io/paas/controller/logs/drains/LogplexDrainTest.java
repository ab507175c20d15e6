package io.paas.controller.logs.drains;

import static io.paas.controller.logs.drains.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.LogDrain;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https drains against an https receiver with a self-signed certificate: Logplex posts, retries, outages. */
class LogplexDrainTest {
  static final Instant TIME = Instant.parse("2026-11-27T10:00:00.123456Z");

  static TestCertificate certificate;
  static Path caFile;

  final Vertx vertx = Vertx.vertx();
  final LogHub hub = new LogHub(100);
  final Receiver receiver = new Receiver();
  Drains drains;

  @BeforeAll
  static void makeCertificate(@TempDir Path dir) throws Exception {
    certificate = TestCertificate.localhost();
    caFile = certificate.writeCa(dir);
  }

  @BeforeEach
  void start() throws Exception {
    receiver.start();
    drains = new Drains(vertx, new DrainAddresses(vertx), DrainTrust.of(List.of(caFile)), SyslogDrainTest.SMALL);
    hub.tap(drains);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void aPostCarriesTheFramesWithLogplexHeadersAndTheUrlsCredentials() throws Exception {
    LogDrain drain = start("https://user:s%40cret@localhost:" + receiver.port + "/drain?app=blog");

    hub.append("blog", new LogEntry(TIME, LogEntry.APP, "web.1", "hello"));
    hub.append("blog", new LogEntry(TIME, LogEntry.ROUTER, "router", "at=info"));

    eventually(() -> receiver.posts.size() == 1);
    Post post = receiver.posts.get(0);
    assertThat(post.uri()).isEqualTo("/drain?app=blog");
    assertThat(post.headers().get("Content-Type")).isEqualTo("application/logplex-1");
    assertThat(post.headers().get("Logplex-Msg-Count")).isEqualTo("2");
    assertThat(UUID.fromString(post.headers().get("Logplex-Frame-Id"))).isNotNull();
    assertThat(post.headers().get("Logplex-Drain-Token")).isEqualTo(drain.token());
    assertThat(post.headers().get("Authorization"))
        .isEqualTo("Basic " + Base64.getEncoder().encodeToString("user:s@cret".getBytes(StandardCharsets.UTF_8)));
    assertThat(post.headers().get("Host")).isEqualTo("localhost:" + receiver.port);
    assertThat(post.messages()).containsExactly(
        "<190>1 2026-11-27T10:00:00.123456+00:00 " + drain.token() + " app web.1 - - hello",
        "<158>1 2026-11-27T10:00:00.123456+00:00 " + drain.token() + " heroku router - - at=info");
    eventually(() -> drains.status(drain).state().equals(DrainStatus.CONNECTED));
  }

  @Test
  void linesArriveInOrderInPostsOfAtMostTheBatchSize() throws Exception {
    start("https://localhost:" + receiver.port + "/");

    IntStream.rangeClosed(1, 5).forEach(n -> hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "line " + n)));

    eventually(() -> receiver.texts().size() == 5);
    assertThat(receiver.texts()).containsExactly("line 1", "line 2", "line 3", "line 4", "line 5");
    assertThat(receiver.posts).allMatch(post -> post.messages().size() <= 3
        && post.headers().get("Logplex-Msg-Count").equals(Integer.toString(post.messages().size())));
  }

  @Test
  void anAnswerOtherThan2xxIsRetriedUntilAccepted() throws Exception {
    receiver.answers.addAll(List.of(500, 302));
    LogDrain drain = start("https://localhost:" + receiver.port + "/");

    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "try again"));

    eventually(() -> receiver.posts.size() == 3);
    assertThat(receiver.texts()).containsExactly("try again", "try again", "try again");
    assertThat(receiver.posts.stream().map(post -> post.headers().get("Logplex-Frame-Id")).distinct()).hasSize(3);
    eventually(() -> drains.status(drain).state().equals(DrainStatus.CONNECTED));
    assertThat(drains.status(drain)).isEqualTo(
        new DrainStatus(DrainStatus.CONNECTED, 0, 0, "the receiver answered HTTP 302"));
  }

  @Test
  void aReceiverThatGoesAwayGetsTheNewestBufferedLinesWhenItComesBackAndTheRestAreCounted() throws Exception {
    LogDrain drain = start("https://localhost:" + receiver.port + "/");
    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "before"));
    eventually(() -> receiver.texts().size() == 1);

    receiver.stop();
    IntStream.rangeClosed(1, 12).forEach(n -> hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "line " + n)));
    eventually(() -> drains.status(drain).state().equals(DrainStatus.RETRYING));

    assertThat(drains.status(drain).buffered()).isEqualTo(5);
    assertThat(drains.status(drain).dropped()).isEqualTo(7);
    receiver.start();
    eventually(() -> receiver.texts().size() == 6);
    Thread.sleep(300);
    assertThat(receiver.texts()).containsExactly("before", "line 8", "line 9", "line 10", "line 11", "line 12");
    assertThat(drains.status(drain)).extracting(DrainStatus::state, DrainStatus::buffered, DrainStatus::dropped)
        .containsExactly(DrainStatus.CONNECTED, 0, 7L);
  }

  private LogDrain start(String url) throws Exception {
    LogDrain drain = new LogDrain(1, 1, "blog", url, "d." + UUID.randomUUID(), true, OffsetDateTime.now());
    drains.start(drain).await(10, TimeUnit.SECONDS);
    return drain;
  }

  record Post(String uri, MultiMap headers, List<String> messages) {
  }

  /** Answers each post with the next of {@link #answers}, 200 once they run out; keeps every post. */
  final class Receiver {
    final List<Post> posts = new CopyOnWriteArrayList<>();
    final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    HttpServer server;
    int port;

    void start() throws Exception {
      server = vertx.createHttpServer(new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCert()))
          .requestHandler(this::receive);
      port = server.listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    }

    void stop() throws Exception {
      server.close().await(10, TimeUnit.SECONDS);
    }

    List<String> texts() {
      return posts.stream().flatMap(post -> post.messages().stream())
          .map(message -> message.substring(message.indexOf(" - - ") + 5)).toList();
    }

    private void receive(HttpServerRequest request) {
      request.body().onSuccess(body -> {
        posts.add(new Post(request.uri(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()),
            OctetFrames.split(body)));
        Integer answer = answers.poll();
        request.response().setStatusCode(answer == null ? 200 : answer).end();
      });
    }
  }
}
