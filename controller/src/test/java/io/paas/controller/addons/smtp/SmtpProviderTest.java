package io.paas.controller.addons.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.addons.AddonInstance;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.mail.MailClient;
import io.paas.controller.mail.MailDatabase;
import io.paas.controller.mail.MailStore;
import io.paas.controller.mail.SmtpServer;
import io.paas.controller.mail.TestMailAccounts;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** smtp addons: a login on the platform's SMTP server, handed to the app as config vars. */
class SmtpProviderTest {
  private static final String HOST = MailDatabase.HOST;

  @TempDir
  static Path dataDir;
  static MailDatabase db;
  static TestMailAccounts accounts = new TestMailAccounts();
  static SmtpServer server;
  static SmtpProvider provider;

  @BeforeAll
  static void start() throws Exception {
    db = new MailDatabase(dataDir.resolve("db"));
    server = db.startSmtp(dataDir.resolve("smtp"), accounts, Optional.empty());
    provider = new SmtpProvider(server.host(), server.port(), db.store);
  }

  @AfterAll
  static void stop() throws Exception {
    server.stop().await(10, TimeUnit.SECONDS);
    db.close();
  }

  @Test
  void itIsTheSmtpServiceWithMiniFirst() {
    assertThat(provider.service()).isEqualTo("smtp");
    assertThat(provider.defaultAttachment()).isEqualTo("SMTP");
    assertThat(provider.plans()).extracting(AddonPlan::name).containsExactly("mini", "basic", "pro");
    assertThat(provider.plans()).extracting(AddonPlan::description)
        .containsExactly("200 messages a day", "2,000 messages a day", "20,000 messages a day");
  }

  @Test
  void provisioningMakesALoginNamedAfterTheAddonWithALongUrlSafePassword() throws Exception {
    AddonInstance addon = addon("smtp-amber-48213", "mini");

    Map<String, String> credentials = provider.provision(addon).await(10, TimeUnit.SECONDS);
    Map<String, String> other = provider.provision(addon).await(10, TimeUnit.SECONDS);

    assertThat(credentials.get(SmtpProvider.USERNAME)).isEqualTo("smtp-amber-48213");
    assertThat(credentials.get(SmtpProvider.PASSWORD)).hasSizeGreaterThanOrEqualTo(32).matches("[A-Za-z0-9_-]+")
        .isNotEqualTo(other.get(SmtpProvider.PASSWORD));
  }

  @Test
  void theConfigVarsSayWhereAndHowToLogIn() {
    Map<String, String> vars = provider.configVars("MAILER",
        Map.of(SmtpProvider.USERNAME, "smtp-amber-48213", SmtpProvider.PASSWORD, "s3cret_-x"));

    assertThat(vars).containsExactly(
        Map.entry("MAILER_URL", "smtp://smtp-amber-48213:s3cret_-x@" + HOST + ":" + server.port()),
        Map.entry("MAILER_HOST", HOST),
        Map.entry("MAILER_PORT", String.valueOf(server.port())),
        Map.entry("MAILER_USERNAME", "smtp-amber-48213"),
        Map.entry("MAILER_PASSWORD", "s3cret_-x"));
  }

  @Test
  void infoTellsThePlanItsLimitAndWhatWasSentTodayWithoutTheSecret() throws Exception {
    long app = db.newApp();
    AddonInstance addon = addon("smtp-basic-1", "basic");
    Map<String, String> credentials = provider.provision(addon).await(10, TimeUnit.SECONDS);
    String password = credentials.get(SmtpProvider.PASSWORD);
    accounts.add(addon.name(), app, password, SmtpPlan.named(addon.plan()).dailyLimit());
    new MailClient(HOST, server.port(), addon.name(), password, true)
        .send("app@example.com", "ann@example.org", "Hello", "Hi");

    Map<String, String> info = provider.info(addon, credentials).await(10, TimeUnit.SECONDS);

    assertThat(info).containsEntry("Plan", "basic").containsEntry("Daily limit", "2000 messages (UTC day)")
        .containsEntry("Sent today", "1");
    assertThat(info.values()).noneMatch(value -> value.contains(password));
  }

  @Test
  void deprovisioningForgetsTheAddonsMessages() throws Exception {
    long app = db.newApp();
    AddonInstance addon = addon("smtp-gone-2", "mini");
    Map<String, String> credentials = provider.provision(addon).await(10, TimeUnit.SECONDS);
    accounts.add(addon.name(), app, credentials.get(SmtpProvider.PASSWORD), 200);
    new MailClient(HOST, server.port(), addon.name(), credentials.get(SmtpProvider.PASSWORD), false)
        .send("app@example.com", "ann@example.org", "Hello", "Hi");

    provider.deprovision(addon, credentials).await(10, TimeUnit.SECONDS);
    provider.deprovision(addon, credentials).await(10, TimeUnit.SECONDS);

    MailStore store = db.store;
    assertThat(store.ofApp(app, 10).await(10, TimeUnit.SECONDS)).isEmpty();
    assertThat(store.sentToday(addon.name()).await(10, TimeUnit.SECONDS)).isZero();
  }

  private static AddonInstance addon(String name, String plan) {
    return new AddonInstance(name, "app", "smtp", plan);
  }
}
