package io.paas.router;

import static io.paas.router.FakeDyno.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocket;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouterServerTest extends RouterFixture {
  private static final Duration LONG = Duration.ofMinutes(1);

  @Test
  void routesEachHostToItsAppsDyno() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "alpha-web.1").backend()));
    table.put("beta", List.of(FakeDyno.start(vertx, "beta-web.1").backend()));

    assertThat(send(to("alpha.paas.test")).body()).isEqualTo("alpha-web.1");
    assertThat(send(to("Beta.PAAS.test", 8080)).body()).isEqualTo("beta-web.1");
  }

  @Test
  void routesAnAppsCustomDomainsInAnyCaseWithAnyPort() {
    FakeDyno dyno = FakeDyno.start(vertx, "alpha-web.1");
    table.put("alpha", List.of(dyno.backend()));
    table.domains("alpha", Set.of("www.example.test"));

    assertThat(send(to("www.example.test")).body()).isEqualTo("alpha-web.1");
    assertThat(send(to("WWW.Example.TEST", 8443)).body()).isEqualTo("alpha-web.1");
    assertThat(send(to("example.test")).status()).isEqualTo(404);
    assertThat(dyno.received()).hasSize(2);
    assertThat(dyno.received().remove().get("Host")).isEqualTo("www.example.test");
  }

  @Test
  void declinesAnH2cUpgradeAndAnswersOverHttp11() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "alpha-web.1").backend()));

    Reply reply = send(to("alpha.paas.test").putHeader("Connection", "Upgrade, HTTP2-Settings")
        .putHeader("Upgrade", "h2c").putHeader("HTTP2-Settings", "AAMAAABkAAQCAAAAAAIAAAAA"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo("alpha-web.1");
  }

  @Test
  void answersNoSuchAppForUnknownHostsAndApps() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1").backend()));

    for (String host : List.of("nope.paas.test", "paas.test", "alpha.example.com", "x.alpha.paas.test")) {
      Reply reply = send(to(host));
      assertThat(reply.status()).as(host).isEqualTo(404);
      assertThat(reply.headers().get("Content-Type")).startsWith("text/html");
      assertThat(reply.body()).contains("No such app");
    }
  }

  @Test
  void answersNoSuchAppOnceTheAppIsRemoved() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1").backend()));
    table.remove("alpha");

    assertThat(send(to("alpha.paas.test")).status()).isEqualTo(404);
  }

  @Test
  void answersNoWebDynosForAnAppScaledToZero() {
    table.put("idle", List.of());

    Reply reply = send(to("idle.paas.test"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.headers().get("Content-Type")).startsWith("text/html");
    assertThat(reply.body()).contains("No web dynos running");
    assertThat(reply.headers().get("X-Request-Id")).isNotBlank();
  }

  @Test
  void answers503WhenTheOnlyDynoRefusesTheConnection() {
    Backend down = FakeDyno.refusing(vertx);
    table.put("alpha", List.of(down));

    Reply reply = send(to("alpha.paas.test"));

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.body()).contains("Backend connection refused");
    assertThat(router.awaitIdle(down, LONG).isComplete()).isTrue();
  }

  @Test
  void triesAnotherDynoWhenOneRefusesTheConnection() {
    Backend down = FakeDyno.refusing(vertx);
    table.put("alpha", List.of(down, FakeDyno.start(vertx, "web.2").backend()));

    for (int i = 0; i < 4; i++) {
      Reply reply = send(to("alpha.paas.test").setMethod(HttpMethod.POST), Buffer.buffer("payload"));
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).isEqualTo("web.2");
    }
    assertThat(router.awaitIdle(down, LONG).isComplete()).isTrue();
  }

  @Test
  void answers502WhenTheDynoHangsUpWithoutAnswering() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1", request -> request.connection().close()).backend()));

    Reply reply = send(to("alpha.paas.test"));

    assertThat(reply.status()).isEqualTo(502);
    assertThat(reply.body()).contains("Connection closed without response");
  }

  @Test
  void tellsTheDynoWhoAskedAndHow() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1");
    table.put("alpha", List.of(dyno.backend()));

    Reply reply = send(to("alpha.paas.test", 4242).putHeader("X-Forwarded-For", "203.0.113.7"));

    MultiMap seen = dyno.received().remove();
    assertThat(seen.get("Host")).isEqualTo("alpha.paas.test:4242");
    assertThat(seen.get("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
    assertThat(seen.get("X-Forwarded-Proto")).isEqualTo("http");
    assertThat(seen.get("X-Forwarded-Port")).isEqualTo(Integer.toString(routerPort));
    assertThat(seen.get("X-Forwarded-Host")).isEqualTo("alpha.paas.test:4242");
    assertThat(seen.get("Via")).isEqualTo("1.1 paas-router");
    assertThat(UUID.fromString(seen.get("X-Request-Id"))).isNotNull();
    assertThat(reply.headers().get("X-Request-Id")).isEqualTo(seen.get("X-Request-Id"));
  }

  @Test
  void keepsASaneRequestIdAndReplacesAnOddOne() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1");
    table.put("alpha", List.of(dyno.backend()));
    String given = "f058ebd6-02f7-4d3f-942e-904344e8cde5";

    Reply kept = send(to("alpha.paas.test").putHeader("X-Request-Id", given));
    Reply replaced = send(to("alpha.paas.test").putHeader("X-Request-Id", "short; id"));

    assertThat(dyno.received().remove().get("X-Request-Id")).isEqualTo(given);
    assertThat(kept.headers().get("X-Request-Id")).isEqualTo(given);
    String fresh = dyno.received().remove().get("X-Request-Id");
    assertThat(UUID.fromString(fresh).version()).isEqualTo(4);
    assertThat(UUID.fromString(fresh).variant()).isEqualTo(2);
    assertThat(replaced.headers().get("X-Request-Id")).isEqualTo(fresh);
  }

  @Test
  void answers100ContinueItselfAndStreamsTheBodyOn() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1",
        request -> request.body().onSuccess(body -> request.response().end("got " + body)));
    table.put("alpha", List.of(dyno.backend()));
    HttpClientRequest upload = await(client.request(to("alpha.paas.test").setMethod(HttpMethod.POST)));
    Future<String> reply = upload.response().compose(response -> response.body()).map(Buffer::toString);
    upload.putHeader("Expect", "100-continue").putHeader("Content-Length", "5");
    upload.continueHandler(v -> upload.end("hello"));

    upload.sendHead();

    assertThat(await(reply)).isEqualTo("got hello");
    assertThat(dyno.received().remove().contains("Expect")).isFalse();
  }

  @Test
  void takesTheAppsDynosInTurn() {
    table.put("alpha", List.of(FakeDyno.start(vertx, "web.1").backend(), FakeDyno.start(vertx, "web.2").backend()));

    List<String> answeredBy = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answeredBy.add(send(to("alpha.paas.test")).body());
    }

    assertThat(answeredBy).containsExactly("web.1", "web.2", "web.1", "web.2");
  }

  @Test
  void keepsTheClientConnectionAliveWhenTheDynoClosesItsOwn() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1",
        request -> request.response().putHeader("Connection", "close").end("bye"));
    table.put("alpha", List.of(dyno.backend()));
    HttpClient oneConnection = vertx.createHttpClient(new PoolOptions().setHttp1MaxSize(1));

    HttpClientRequest first = await(oneConnection.request(to("alpha.paas.test")));
    Reply reply = await(first.send().compose(response -> response.body()
        .map(body -> new Reply(response.statusCode(), response.headers(), body.toString()))));
    HttpConnection firstConnection = first.connection();
    HttpClientRequest second = await(oneConnection.request(to("alpha.paas.test")));
    await(second.send().compose(response -> response.body()));

    assertThat(reply.body()).isEqualTo("bye");
    assertThat(reply.headers().contains("Connection")).isFalse();
    assertThat(second.connection()).isSameAs(firstConnection);
  }

  @Test
  void streamsALargeChunkedUploadIntact() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1", request -> {
      MessageDigest sha = sha256();
      long[] size = {0};
      request.handler(chunk -> {
        sha.update(chunk.getBytes());
        size[0] += chunk.length();
      });
      request.endHandler(v -> request.response().end(size[0] + " " + HexFormat.of().formatHex(sha.digest())));
    });
    table.put("alpha", List.of(dyno.backend()));
    HttpClientRequest upload = await(client.request(to("alpha.paas.test").setMethod(HttpMethod.POST)));
    Future<String> reply = upload.response().compose(response -> response.body()).map(Buffer::toString);
    upload.setChunked(true);

    MessageDigest sent = sha256();
    Random random = new Random(42);
    byte[] chunk = new byte[64 * 1024];
    int chunks = 20 * 16;
    for (int i = 0; i < chunks; i++) {
      random.nextBytes(chunk);
      sent.update(chunk);
      await(upload.write(Buffer.buffer(chunk.clone())));
    }
    upload.end();

    assertThat(await(reply)).isEqualTo((long) chunks * chunk.length + " " + HexFormat.of().formatHex(sent.digest()));
    assertThat(dyno.received().remove().get("Transfer-Encoding")).isEqualTo("chunked");
  }

  @Test
  void streamsTheRequestBodyBeforeTheClientHasSentItAll() {
    Promise<Void> dynoGotFirstPart = Promise.promise();
    FakeDyno dyno = FakeDyno.start(vertx, "web.1", request -> {
      Buffer body = Buffer.buffer();
      request.handler(part -> {
        body.appendBuffer(part);
        dynoGotFirstPart.tryComplete();
      });
      request.endHandler(v -> request.response().end(body));
    });
    table.put("alpha", List.of(dyno.backend()));
    HttpClientRequest upload = await(client.request(to("alpha.paas.test").setMethod(HttpMethod.POST)));
    Future<String> reply = upload.response().compose(response -> response.body()).map(Buffer::toString);
    upload.setChunked(true);

    await(upload.write("first,"));
    await(dynoGotFirstPart.future());
    upload.end("last");

    assertThat(await(reply)).isEqualTo("first,last");
  }

  @Test
  void streamsTheResponseBodyBeforeTheDynoHasSentItAll() {
    Promise<Void> clientGotFirstPart = Promise.promise();
    FakeDyno dyno = FakeDyno.start(vertx, "web.1", request -> {
      request.response().setChunked(true).write("first,");
      clientGotFirstPart.future().onComplete(v -> request.response().end("last"));
    });
    table.put("alpha", List.of(dyno.backend()));

    Future<String> body = client.request(to("alpha.paas.test"))
        .compose(HttpClientRequest::send)
        .compose(response -> {
          StringBuffer parts = new StringBuffer();
          response.handler(part -> {
            parts.append(part);
            clientGotFirstPart.tryComplete();
          });
          return response.end().map(v -> parts.toString());
        });

    assertThat(await(body)).isEqualTo("first,last");
  }

  @Test
  void sendsNewRequestsToTheNewDynoWhileTheOldOneFinishes() {
    Promise<Void> oldGotRequest = Promise.promise();
    Promise<Void> releaseOld = Promise.promise();
    FakeDyno old = FakeDyno.answeringWhen(vertx, "web.1", oldGotRequest, releaseOld.future());
    FakeDyno fresh = FakeDyno.start(vertx, "web.2");
    table.put("alpha", List.of(old.backend()));

    Future<Reply> inFlight = sendAsync(to("alpha.paas.test"), Buffer.buffer());
    await(oldGotRequest.future());
    table.put("alpha", List.of(fresh.backend()));

    assertThat(send(to("alpha.paas.test")).body()).isEqualTo("web.2");
    releaseOld.complete();
    assertThat(await(inFlight).body()).isEqualTo("web.1");
  }

  @Test
  void awaitIdleCompletesAtOnceWhenNothingIsInFlight() {
    FakeDyno dyno = FakeDyno.start(vertx, "web.1");
    table.put("alpha", List.of(dyno.backend()));
    send(to("alpha.paas.test"));
    // The client may have the last byte a moment before the router has ended the exchange and logged it.
    nextLogLine();

    assertThat(router.awaitIdle(dyno.backend(), LONG).isComplete()).isTrue();
  }

  @Test
  void awaitIdleWaitsForASlowRequestToFinish() {
    Promise<Void> oldGotRequest = Promise.promise();
    Promise<Void> release = Promise.promise();
    FakeDyno old = FakeDyno.answeringWhen(vertx, "web.1", oldGotRequest, release.future());
    table.put("alpha", List.of(old.backend()));
    Future<Reply> slow = sendAsync(to("alpha.paas.test"), Buffer.buffer());
    await(oldGotRequest.future());

    table.put("alpha", List.of(FakeDyno.start(vertx, "web.2").backend()));
    Future<Void> idle = router.awaitIdle(old.backend(), LONG);
    assertThat(idle.isComplete()).isFalse();
    long releasedAt = System.nanoTime();
    vertx.setTimer(500, id -> release.complete());

    await(idle);
    assertThat(Duration.ofNanos(System.nanoTime() - releasedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    assertThat(await(slow).body()).isEqualTo("web.1");
  }

  @Test
  void awaitIdleGivesUpAtTheTimeoutWhenTheRequestNeverEnds() {
    Promise<Void> gotRequest = Promise.promise();
    FakeDyno stuck = FakeDyno.answeringWhen(vertx, "web.1", gotRequest, Promise.<Void>promise().future());
    table.put("alpha", List.of(stuck.backend()));
    sendAsync(to("alpha.paas.test"), Buffer.buffer());
    await(gotRequest.future());

    long start = System.nanoTime();
    await(router.awaitIdle(stuck.backend(), Duration.ofMillis(300)));

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void awaitIdleCompletesWhenTheClientHangsUp() {
    Promise<Void> gotRequest = Promise.promise();
    FakeDyno stuck = FakeDyno.answeringWhen(vertx, "web.1", gotRequest, Promise.<Void>promise().future());
    table.put("alpha", List.of(stuck.backend()));
    HttpClientRequest request = await(client.request(to("alpha.paas.test")));
    request.end();
    await(gotRequest.future());
    Future<Void> idle = router.awaitIdle(stuck.backend(), LONG);
    assertThat(idle.isComplete()).isFalse();

    await(request.connection().close());

    await(idle);
  }

  @Test
  void passesWebSocketsThrough() {
    FakeDyno dyno = FakeDyno.echoingWebSockets(vertx, "web.1");
    table.put("chat", List.of(dyno.backend()));
    Promise<String> echo = Promise.promise();

    await(connectWebSocket("chat.paas.test").compose(socket -> {
      socket.textMessageHandler(echo::tryComplete);
      return socket.writeTextMessage("hello");
    }));

    assertThat(await(echo.future())).isEqualTo("hello");
    MultiMap seen = dyno.received().remove();
    assertThat(seen.get("X-Forwarded-For")).isEqualTo("127.0.0.1");
    assertThat(seen.get("Via")).isEqualTo("1.1 paas-router");
    assertThat(nextLogLine().text()).contains(" path=\"/socket\" ", " dyno=web.1 ", " status=101 ");
    // Counted for the handshake only: an open WebSocket does not hold up a deploy.
    assertThat(router.awaitIdle(dyno.backend(), LONG).isComplete()).isTrue();
  }

  @Test
  void refusesWebSocketsForUnknownAppsWithNoSuchApp() {
    Future<WebSocket> handshake = connectWebSocket("nope.paas.test");

    assertThatThrownBy(() -> await(handshake))
        .isInstanceOfSatisfying(UpgradeRejectedException.class, rejected -> assertThat(rejected.getStatus()).isEqualTo(404));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
