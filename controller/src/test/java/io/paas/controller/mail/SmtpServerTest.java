package io.paas.controller.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.AuthenticationFailedException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The smtp addon's server: AUTH before anything, STARTTLS offered, each plan's daily limit, messages kept. */
class SmtpServerTest {
  private static final String HOST = MailDatabase.HOST;

  @TempDir
  static Path dataDir;
  static MailDatabase db;
  static TestMailAccounts accounts = new TestMailAccounts();
  static SmtpServer server;

  @BeforeAll
  static void start() throws Exception {
    db = new MailDatabase(dataDir.resolve("db"));
    server = db.startSmtp(dataDir.resolve("smtp"), accounts, Optional.empty());
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop().await(10, TimeUnit.SECONDS);
    db.close();
  }

  @Test
  void aMessageSentOverStartTlsWithAuthIsKeptWithItsSenderRecipientsAndSubject() throws Exception {
    long app = db.newApp();
    MailAccount account = account(app, 200);

    client(account, true).send("Shop <shop@example.com>", "ann@example.org, bob@example.org", "Your order \u2713",
        "Thanks for your order.");

    List<MailSummary> kept = db.store.ofApp(app, 10).await(10, TimeUnit.SECONDS);
    assertThat(kept).hasSize(1);
    MailSummary mail = kept.get(0);
    assertThat(mail.from()).isEqualTo("Shop <shop@example.com>");
    assertThat(mail.recipients()).containsExactly("ann@example.org", "bob@example.org");
    assertThat(mail.subject()).isEqualTo("Your order \u2713");
    assertThat(mail.addon()).isEqualTo(account.addon());
    assertThat(mail.relayStatus()).isEqualTo(MailStore.STORED);
    byte[] raw = db.store.raw(app, mail.id()).await(10, TimeUnit.SECONDS).orElseThrow();
    assertThat(mail.size()).isEqualTo(raw.length);
    assertThat(MailText.of(raw).orElseThrow()).contains("Thanks for your order.");
    assertThat(db.store.sentToday(account.addon()).await(10, TimeUnit.SECONDS)).isEqualTo(1);
  }

  @Test
  void authIsOfferedBeforeStartTlsAndAcceptedWithoutIt() throws Exception {
    long app = db.newApp();
    MailAccount account = account(app, 200);
    try (SmtpDialog smtp = dialog()) {
      assertThat(smtp.send("EHLO dyno")).contains("STARTTLS").containsPattern("AUTH.*PLAIN").contains("LOGIN")
          .contains("SIZE " + SmtpServer.MAX_MESSAGE_SIZE);
    }

    client(account, false).send("app@example.com", "ann@example.org", "Plain", "No TLS in this container.");

    assertThat(db.store.ofApp(app, 10).await(10, TimeUnit.SECONDS)).extracting(MailSummary::subject)
        .containsExactly("Plain");
  }

  @Test
  void aWrongPasswordOrUnknownUserIs535() throws Exception {
    MailAccount account = account(db.newApp(), 200);
    try (SmtpDialog smtp = dialog()) {
      smtp.send("EHLO dyno");
      assertThat(smtp.authPlain(account.addon(), account.password() + "x")).startsWith("535");
      assertThat(smtp.authPlain("nobody", account.password())).startsWith("535");
      assertThat(smtp.send("MAIL FROM:<app@example.com>")).startsWith("530");
    }
    assertThatThrownBy(() -> new MailClient(HOST, server.port(), account.addon(), "wrong", true)
        .send("app@example.com", "ann@example.org", "Hi", "Hi")).isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void mailWithoutAuthIsRefused() throws Exception {
    try (SmtpDialog smtp = dialog()) {
      smtp.send("EHLO dyno");
      assertThat(smtp.send("MAIL FROM:<app@example.com>")).startsWith("530");
      assertThat(smtp.send("RCPT TO:<ann@example.org>")).startsWith("530");
      assertThat(smtp.send("DATA")).startsWith("530");
    }
  }

  @Test
  void anAccountRemovedAfterItsLoginSendsNothingMore() throws Exception {
    long app = db.newApp();
    MailAccount account = account(app, 200);
    try (SmtpDialog smtp = dialog()) {
      smtp.send("EHLO dyno");
      assertThat(smtp.authPlain(account.addon(), account.password())).startsWith("235");
      accounts.remove(account.addon());
      assertThat(smtp.send("MAIL FROM:<app@example.com>")).startsWith("535");
    }
  }

  @Test
  void theDailyLimitRefusesTheNextMessageWithAReason() throws Exception {
    long app = db.newApp();
    MailAccount account = account(app, 2);
    MailClient client = client(account, false);
    client.send("app@example.com", "ann@example.org", "One", "1");
    client.send("app@example.com", "ann@example.org", "Two", "2");

    try (SmtpDialog smtp = dialog()) {
      smtp.send("EHLO dyno");
      smtp.authPlain(account.addon(), account.password());
      assertThat(smtp.send("MAIL FROM:<app@example.com>"))
          .isEqualTo("450 4.7.1 Daily sending limit of 2 messages reached for this addon's plan; "
              + "it resets at 00:00 UTC");
    }
    assertThat(db.store.ofApp(app, 10).await(10, TimeUnit.SECONDS)).extracting(MailSummary::subject)
        .containsExactly("Two", "One");
  }

  @Test
  void theLimitHoldsForSessionsThatPassedTheCheckTogether() throws Exception {
    long app = db.newApp();
    MailAccount account = account(app, 1);
    try (SmtpDialog first = loggedIn(account); SmtpDialog second = loggedIn(account)) {
      for (SmtpDialog smtp : List.of(first, second)) {
        assertThat(smtp.send("MAIL FROM:<app@example.com>")).startsWith("250");
        assertThat(smtp.send("RCPT TO:<ann@example.org>")).startsWith("250");
        assertThat(smtp.send("DATA")).startsWith("354");
      }
      assertThat(first.data("Subject: first\r\n\r\nbody")).startsWith("250 Ok: stored as message ");
      assertThat(second.data("Subject: second\r\n\r\nbody")).startsWith("450 4.7.1 Daily sending limit of 1");
    }
    assertThat(db.store.ofApp(app, 10).await(10, TimeUnit.SECONDS)).hasSize(1);
  }

  @Test
  void aMessageOverTenMebibytesIs552AndTheSessionGoesOn() throws Exception {
    long app = db.newApp();
    MailAccount account = account(app, 200);
    try (SmtpDialog smtp = loggedIn(account)) {
      assertThat(smtp.send("MAIL FROM:<app@example.com> SIZE=" + (SmtpServer.MAX_MESSAGE_SIZE + 1)))
          .startsWith("552");
      smtp.send("MAIL FROM:<app@example.com>");
      smtp.send("RCPT TO:<ann@example.org>");
      smtp.send("DATA");
      String line = "x".repeat(998) + "\r\n";
      assertThat(smtp.data("Subject: big\r\n\r\n" + line.repeat(SmtpServer.MAX_MESSAGE_SIZE / line.length() + 1)))
          .startsWith("552");
      assertThat(smtp.send("NOOP")).startsWith("250");
    }
    assertThat(db.store.ofApp(app, 10).await(10, TimeUnit.SECONDS)).isEmpty();
  }

  private static MailAccount account(long app, int dailyLimit) {
    return accounts.add("smtp-" + UUID.randomUUID().toString().substring(0, 8), app, "pw-" + UUID.randomUUID(),
        dailyLimit);
  }

  private static MailClient client(MailAccount account, boolean startTls) {
    return new MailClient(HOST, server.port(), account.addon(), account.password(), startTls);
  }

  private static SmtpDialog dialog() throws Exception {
    return new SmtpDialog(HOST, server.port());
  }

  private static SmtpDialog loggedIn(MailAccount account) throws Exception {
    SmtpDialog smtp = dialog();
    smtp.send("EHLO dyno");
    assertThat(smtp.authPlain(account.addon(), account.password())).startsWith("235");
    return smtp;
  }
}
