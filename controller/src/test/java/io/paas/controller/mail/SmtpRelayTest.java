package io.paas.controller.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a smarthost, each accepted message is also sent on, and how that went is recorded with it. */
class SmtpRelayTest {
  private static final String HOST = MailDatabase.HOST;

  @TempDir
  static Path dataDir;
  static MailDatabase db;
  static TestMailAccounts accounts = new TestMailAccounts();
  static TestMailAccounts smarthostAccounts = new TestMailAccounts();
  static SmtpServer smarthost;
  static long smarthostApp;

  @BeforeAll
  static void startSmarthost() throws Exception {
    db = new MailDatabase(dataDir.resolve("db"));
    smarthostApp = db.newApp();
    smarthostAccounts.add("relay-user", smarthostApp, "relay-password", 1000);
    smarthost = db.startSmtp(dataDir.resolve("smarthost"), smarthostAccounts, Optional.empty());
  }

  @AfterAll
  static void stop() throws Exception {
    smarthost.stop().await(10, TimeUnit.SECONDS);
    db.close();
  }

  @Test
  void anAcceptedMessageIsRelayedAsItCameToTheEnvelopesRecipients() throws Exception {
    long app = db.newApp();
    SmtpServer server = start("relaying", new RelayOptions(HOST, smarthost.port(), "relay-user", "relay-password",
        false));
    try {
      accounts.add("smtp-relayed", app, "app-password", 200);
      new MailClient(HOST, server.port(), "smtp-relayed", "app-password", false)
          .send("App <app@example.com>", "ann@example.org", "Relayed", "Through the smarthost.");

      MailSummary kept = eventually(app, MailStore.RELAYED);
      MailSummary relayed = db.store.ofApp(smarthostApp, 10).await(10, TimeUnit.SECONDS).get(0);
      assertThat(relayed.subject()).isEqualTo("Relayed");
      assertThat(relayed.from()).isEqualTo("App <app@example.com>");
      assertThat(relayed.recipients()).containsExactly("ann@example.org");
      String original = new String(db.store.raw(app, kept.id()).await(10, TimeUnit.SECONDS).orElseThrow());
      String arrived = new String(db.store.raw(smarthostApp, relayed.id()).await(10, TimeUnit.SECONDS).orElseThrow());
      assertThat(arrived).endsWith(original);
    } finally {
      server.stop().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSmarthostThatCannotBeReachedIsRecordedAsARelayFailureAndTheMessageKept() throws Exception {
    long app = db.newApp();
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    SmtpServer server = start("failing", new RelayOptions(HOST, closedPort, null, null, false));
    try {
      accounts.add("smtp-unrelayed", app, "app-password", 200);
      new MailClient(HOST, server.port(), "smtp-unrelayed", "app-password", false)
          .send("app@example.com", "ann@example.org", "Not relayed", "Kept anyway.");

      assertThat(eventually(app, "relay failed: ").relayStatus()).contains("Couldn't connect to host");
    } finally {
      server.stop().await(10, TimeUnit.SECONDS);
    }
  }

  private static SmtpServer start(String dir, RelayOptions relay) throws Exception {
    return db.startSmtp(dataDir.resolve(dir), accounts, Optional.of(relay));
  }

  /** The app's only message, once its relay status starts with {@code status}. */
  private static MailSummary eventually(long app, String status) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (true) {
      List<MailSummary> kept = db.store.ofApp(app, 10).await(10, TimeUnit.SECONDS);
      if (kept.size() == 1 && kept.get(0).relayStatus().startsWith(status)) {
        return kept.get(0);
      }
      assertThat(Instant.now()).as("relay status " + status + " within 20 s, now " + kept).isBefore(deadline);
      Thread.sleep(50);
    }
  }
}
