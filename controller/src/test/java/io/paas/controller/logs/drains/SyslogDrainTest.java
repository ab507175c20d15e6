package io.paas.controller.logs.drains;

import static io.paas.controller.logs.drains.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.store.LogDrain;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syslog drains against receivers on loopback: what arrives, over TCP and TLS, and what an outage costs. */
class SyslogDrainTest {
  static final DrainLimits SMALL =
      new DrainLimits(5, 3, Duration.ofMillis(100), Duration.ofMillis(50), Duration.ofMillis(200));
  static final Instant TIME = Instant.parse("2026-11-27T10:00:00.123456Z");

  static TestCertificate certificate;
  static Path caFile;

  final Vertx vertx = Vertx.vertx();
  final LogHub hub = new LogHub(100);

  @BeforeAll
  static void makeCertificate(@TempDir Path dir) throws Exception {
    certificate = TestCertificate.localhost();
    caFile = certificate.writeCa(dir);
  }

  @AfterEach
  void close() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void everyLineOfTheAppArrivesFramedWithTheDrainsToken() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(vertx);
    Drains drains = drains(List.of());
    LogDrain drain = start(drains, "syslog://127.0.0.1:" + receiver.port(), true);

    hub.append("blog", new LogEntry(TIME, LogEntry.APP, "web.1", "hello"));
    hub.append("shop", new LogEntry(TIME, LogEntry.APP, "web.1", "another app's line"));
    hub.append("blog", new LogEntry(TIME, LogEntry.ROUTER, "router", "at=info method=GET path=\"/\""));
    hub.append("blog", new LogEntry(TIME, LogEntry.BUILD, "build", "-----> Building"));
    hub.append("blog", new LogEntry(TIME, LogEntry.PLATFORM, "web.1", "State changed from starting to up"));

    eventually(() -> receiver.messages.size() == 4);
    String stamp = "2026-11-27T10:00:00.123456+00:00 " + drain.token();
    assertThat(receiver.messages).containsExactly(
        "<190>1 " + stamp + " app web.1 - - hello",
        "<158>1 " + stamp + " heroku router - - at=info method=GET path=\"/\"",
        "<190>1 " + stamp + " app build - - -----> Building",
        "<190>1 " + stamp + " heroku web.1 - - State changed from starting to up");
    assertThat(drains.status(drain)).isEqualTo(new DrainStatus(DrainStatus.CONNECTED, 0, 0, null));
  }

  @Test
  void syslogOverTlsTrustsTheOperatorsExtraCa() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.tls(vertx, certificate);
    LogDrain drain = start(drains(List.of(caFile)), "syslog+tls://localhost:" + receiver.port(), true);

    hub.append("blog", new LogEntry(TIME, LogEntry.APP, "web.1", "over tls"));

    eventually(() -> receiver.messages.size() == 1);
    assertThat(receiver.messages.get(0)).endsWith(" " + drain.token() + " app web.1 - - over tls");
  }

  @Test
  void aTlsReceiverWithoutATrustedCertificateIsSentNothing() throws Exception {
    assertSentNothing(certificate, List.of(), "unable to find valid certification path");
  }

  @Test
  void aTlsReceiverWithACertificateForAnotherNameIsSentNothing(@TempDir Path dir) throws Exception {
    TestCertificate other = TestCertificate.of("logs.example.com");
    assertSentNothing(other, List.of(other.writeCa(dir)), "No subject alternative DNS name matching localhost");
  }

  @Test
  void aReceiverThatGoesAwayGetsTheNewestBufferedLinesWhenItComesBackAndTheRestAreCounted() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(vertx);
    Drains drains = drains(List.of());
    LogDrain drain = start(drains, "syslog://127.0.0.1:" + receiver.port(), true);
    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "before"));
    eventually(() -> receiver.messages.size() == 1);

    receiver.stop();
    eventually(() -> drains.status(drain).state().equals(DrainStatus.RETRYING));
    IntStream.rangeClosed(1, 12).forEach(n -> hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "line " + n)));

    assertThat(drains.status(drain).buffered()).isEqualTo(5);
    assertThat(drains.status(drain).dropped()).isEqualTo(7);
    receiver.start();
    eventually(() -> receiver.messages.size() == 6);
    Thread.sleep(300);
    assertThat(receiver.messages.stream().map(message -> message.substring(message.indexOf(" - - ") + 5)))
        .containsExactly("before", "line 8", "line 9", "line 10", "line 11", "line 12");
    assertThat(drains.status(drain)).extracting(DrainStatus::state, DrainStatus::buffered, DrainStatus::dropped)
        .containsExactly(DrainStatus.CONNECTED, 0, 7L);
  }

  @Test
  void aTenantsDrainIsCheckedAgainAtConnectTimeAndNeverReachesLoopback() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(vertx);
    Drains drains = drains(List.of());
    LogDrain drain = start(drains, "syslog://127.0.0.1:" + receiver.port(), false);

    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "hello"));

    eventually(() -> drains.status(drain).state().equals(DrainStatus.RETRYING));
    assertThat(drains.status(drain).lastError()).contains("127.0.0.1", "may not reach");
    assertThat(receiver.connections).isEmpty();
  }

  @Test
  void aStoppedDrainLetsGoOfItsConnectionAndIsSentNoMore() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(vertx);
    Drains drains = drains(List.of());
    LogDrain drain = start(drains, "syslog://127.0.0.1:" + receiver.port(), true);
    LogDrain other = start(drains, "syslog://localhost:" + receiver.port(), true);
    eventually(() -> receiver.connections.size() == 2);

    drains.stop(drain);
    eventually(() -> receiver.connections.size() == 1);
    drains.stopApp("blog");
    eventually(() -> receiver.connections.isEmpty());
    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "after"));

    Thread.sleep(200);
    assertThat(receiver.messages).isEmpty();
    assertThat(drains.status(drain).state()).isEqualTo(DrainStatus.STOPPED);
    assertThat(drains.status(other).state()).isEqualTo(DrainStatus.STOPPED);
  }

  /** A drain to a TLS receiver serving {@code served} keeps its line and says why it cannot deliver it. */
  private void assertSentNothing(TestCertificate served, List<Path> extraCas, String why) throws Exception {
    SyslogReceiver receiver = SyslogReceiver.tls(vertx, served);
    Drains drains = drains(extraCas);
    LogDrain drain = start(drains, "syslog+tls://localhost:" + receiver.port(), true);

    hub.append("blog", new LogEntry(TIME, LogEntry.APP, "web.1", "secret"));

    eventually(() -> drains.status(drain).state().equals(DrainStatus.RETRYING));
    assertThat(drains.status(drain).lastError()).contains(why);
    assertThat(drains.status(drain).buffered()).isEqualTo(1);
    assertThat(receiver.messages).isEmpty();
  }

  private Drains drains(List<Path> extraCas) {
    Drains drains = new Drains(vertx, new DrainAddresses(vertx), DrainTrust.of(extraCas), SMALL);
    hub.tap(drains);
    return drains;
  }

  private static LogDrain start(Drains drains, String url, boolean trusted) throws Exception {
    LogDrain drain = new LogDrain(1, 1, "blog", url, "d." + UUID.randomUUID(), trusted, OffsetDateTime.now());
    drains.start(drain).await(10, TimeUnit.SECONDS);
    return drain;
  }
}
