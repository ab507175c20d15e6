package io.paas.router.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.common.process.FreePort;
import io.paas.common.process.RestartBackoff;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real caddy on loopback, in front of a stand-in for the router that tells what it was sent. */
@ExtendWith(VertxExtension.class)
class CaddyTest {
  /** Caddy gets certificates in the background; from its internal CA, within moments. */
  private static final Duration EVENTUALLY = Duration.ofSeconds(10);

  @TempDir
  Path dataDir;
  private Vertx vertx;
  private HttpServer router;
  private int httpsPort;
  private int httpPort;
  private Caddy caddy;
  private HttpClient https;
  private HttpClient http;

  record Reply(int status, MultiMap headers, String body) {
    /** What the router stand-in saw. */
    JsonObject seen() {
      return new JsonObject(body);
    }
  }

  @BeforeEach
  void startCaddy(Vertx vertx) {
    this.vertx = vertx;
    router = await(vertx.createHttpServer().requestHandler(CaddyTest::tellWhatWasSent).listen(0, "127.0.0.1"));
    httpsPort = FreePort.pick();
    httpPort = FreePort.pick();
    caddy = await(Caddy.start(vertx, options(dataDir, httpsPort, httpPort)));
    https = trusting(await(caddy.rootCertificatePem()));
    // Keep-alive off: each request sees the config Caddy has now.
    http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  @AfterEach
  void stopCaddy() {
    if (caddy != null) {
      await(caddy.stop());
    }
    await(router.close());
    assertThat(caddyProcesses()).as("caddy processes left running").isEmpty();
  }

  @Test
  void servesANameOverHttpsWithACertificateFromTheInternalCa() {
    await(caddy.serve(Set.of("app1.localhost")));

    Reply reply = eventually(() -> get(https, "app1.localhost", httpsPort, "/hello?to=you"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.seen()).isEqualTo(new JsonObject()
        .put("uri", "/hello?to=you")
        .put("host", "app1.localhost:" + httpsPort)
        .put("x-forwarded-proto", "https")
        .put("x-forwarded-host", "app1.localhost:" + httpsPort)
        .put("x-forwarded-for", "127.0.0.1"));
  }

  @Test
  void replacesForwardedHeadersTheClientMadeUp() {
    await(caddy.serve(Set.of("app1.localhost")));

    RequestOptions madeUp = request("app1.localhost", httpsPort, "/")
        .putHeader("X-Forwarded-For", "203.0.113.9")
        .putHeader("X-Forwarded-Proto", "gopher")
        .putHeader("X-Forwarded-Host", "bank.example.com");
    Reply reply = eventually(() -> get(https, madeUp));

    assertThat(reply.seen().getString("x-forwarded-for")).isEqualTo("127.0.0.1");
    assertThat(reply.seen().getString("x-forwarded-proto")).isEqualTo("https");
    assertThat(reply.seen().getString("x-forwarded-host")).isEqualTo("app1.localhost:" + httpsPort);
  }

  @Test
  void redirectsPlainHttpToHttpsOnTheHttpsPort() {
    await(caddy.serve(Set.of("app1.localhost")));

    Reply reply = get(http, "app1.localhost", httpPort, "/path?a=b");

    assertThat(reply.status()).isEqualTo(308);
    assertThat(reply.headers().get("Location")).isEqualTo("https://app1.localhost:" + httpsPort + "/path?a=b");
  }

  @Test
  void servesNothingBeforeItIsGivenNames() {
    assertThat(get(http, "app1.localhost", httpPort, "/").status()).isEqualTo(404);
    assertHandshakeFails("app1.localhost");
  }

  @Test
  void servesACustomDomainOnceAddedAndStopsServingANameOnceRemoved() {
    await(caddy.serve(Set.of("app1.localhost")));

    await(caddy.serve(Set.of("app1.localhost", "www.example.test")));
    assertThat(eventually(() -> get(https, "www.example.test", httpsPort, "/")).seen().getString("host"))
        .isEqualTo("www.example.test:" + httpsPort);
    assertThat(eventually(() -> get(https, "app1.localhost", httpsPort, "/")).status()).isEqualTo(200);

    await(caddy.serve(Set.of("www.example.test")));
    assertThat(get(http, "app1.localhost", httpPort, "/").status()).isEqualTo(404);
    assertHandshakeFails("app1.localhost");
    assertThat(get(https, "www.example.test", httpsPort, "/").status()).isEqualTo(200);
  }

  @Test
  void refusesSomethingThatIsNotAHostNameAndKeepsServingTheNamesItHad() {
    await(caddy.serve(Set.of("app1.localhost")));
    eventually(() -> get(https, "app1.localhost", httpsPort, "/"));

    assertThatThrownBy(() -> await(caddy.serve(Set.of("app1.localhost", "www.example.test", "bad name.test"))))
        .hasMessageContaining("Not a host name: 'bad name.test'");

    assertThat(get(https, "app1.localhost", httpsPort, "/").status()).isEqualTo(200);
    assertHandshakeFails("www.example.test");
  }

  @Test
  void comesBackServingTheSameNamesAfterCaddyIsKilled() {
    await(caddy.serve(Set.of("app1.localhost", "www.example.test")));
    eventually(() -> get(https, "app1.localhost", httpsPort, "/"));
    List<ProcessHandle> killed = caddyProcesses();
    assertThat(killed).hasSize(1);

    killed.forEach(ProcessHandle::destroyForcibly);

    assertThat(eventually(() -> get(https, "app1.localhost", httpsPort, "/")).status()).isEqualTo(200);
    assertThat(eventually(() -> get(https, "www.example.test", httpsPort, "/")).status()).isEqualTo(200);
    assertThat(caddyProcesses()).hasSize(1).doesNotContainAnyElementsOf(killed);
  }

  @Test
  void doesNotStartCaddyAgainOnceStopped() throws InterruptedException {
    await(caddy.stop());
    caddy = null;

    Thread.sleep(RestartBackoff.FIRST.multipliedBy(3).toMillis());

    assertThat(caddyProcesses()).isEmpty();
  }

  @Test
  void failsToStartWithCaddysMessageWhenItsPortIsTaken() {
    HttpServer squatter = await(vertx.createHttpServer().requestHandler(request -> request.response().end())
        .listen(0, "127.0.0.1"));
    try {
      CaddyOptions taken = options(dataDir.resolve("second"), FreePort.pick(), squatter.actualPort());

      assertThatThrownBy(() -> await(Caddy.start(vertx, taken)))
          .hasMessageContaining("127.0.0.1:" + squatter.actualPort())
          .hasMessageContaining("address already in use");
    } finally {
      await(squatter.close());
    }
  }

  @Test
  void withAnAcmeEmailStillCertifiesLocalNamesFromItsInternalCa() {
    int acmeHttpsPort = FreePort.pick();
    Caddy acme = await(Caddy.start(vertx, new CaddyOptions(dataDir.resolve("acme"), "127.0.0.1", acmeHttpsPort,
        FreePort.pick(), "127.0.0.1", router.actualPort(), "ops@example.com")));
    try {
      // Only local names: Caddy has no reason to call a public CA, and this test no network to reach one.
      await(acme.serve(Set.of("app1.localhost", "www.example.test")));
      HttpClient trustingAcmesCa = trusting(await(acme.rootCertificatePem()));

      assertThat(eventually(() -> get(trustingAcmesCa, "www.example.test", acmeHttpsPort, "/")).status())
          .isEqualTo(200);
    } finally {
      await(acme.stop());
    }
  }

  @Test
  void keepsItsCaUnderTheDataDir() throws Exception {
    String root = Files.readString(dataDir.resolve("caddy/pki/authorities/local/root.crt"));

    assertThat(await(caddy.rootCertificatePem())).isEqualTo(root).startsWith("-----BEGIN CERTIFICATE-----");
  }

  /** A client that trusts nothing but the given root; keep-alive off, so each request sees Caddy's certificates now. */
  private HttpClient trusting(String rootPem) {
    return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setSsl(true).setForceSni(true)
        .setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(rootPem))));
  }

  private CaddyOptions options(Path dir, int httpsPort, int httpPort) {
    return CaddyOptions.internalCa(dir, "127.0.0.1", httpsPort, httpPort, "127.0.0.1", router.actualPort());
  }

  private static void tellWhatWasSent(HttpServerRequest request) {
    JsonObject seen = new JsonObject().put("uri", request.uri());
    for (String header : List.of("host", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-for")) {
      seen.put(header, request.getHeader(header));
    }
    request.response().end(seen.encode());
  }

  /** The attempt's result once it stops throwing, or its last failure after {@link #EVENTUALLY}. */
  private static <T> T eventually(Supplier<T> attempt) {
    long deadline = System.nanoTime() + EVENTUALLY.toNanos();
    while (true) {
      try {
        return attempt.get();
      } catch (AssertionError | Exception notYet) { // await throws checked exceptions, IOExceptions among them
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private void assertHandshakeFails(String host) {
    assertThatThrownBy(() -> get(https, host, httpsPort, "/")).isInstanceOf(SSLHandshakeException.class);
  }

  /** The caddy processes started for this test's data dir, which the bootstrap config's path names. */
  private List<ProcessHandle> caddyProcesses() {
    return ProcessHandle.allProcesses()
        .filter(process -> process.info().commandLine().orElse("").contains(dataDir.toString()))
        .toList();
  }

  /** A request to Caddy on loopback for the host, sent with that name as SNI and Host. */
  private static RequestOptions request(String host, int port, String uri) {
    return new RequestOptions().setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
        .setHost(host).setPort(port).setURI(uri);
  }

  private static Reply get(HttpClient client, String host, int port, String uri) {
    return get(client, request(host, port, uri));
  }

  private static Reply get(HttpClient client, RequestOptions request) {
    return await(client.request(request).compose(req -> req.send()
        .compose(response -> response.body()
            .map(body -> new Reply(response.statusCode(), response.headers(), body.toString())))));
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out", e);
    }
  }
}
