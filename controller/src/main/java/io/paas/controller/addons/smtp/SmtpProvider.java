package io.paas.controller.addons.smtp;

import io.paas.controller.addons.AddonInstance;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.addons.AddonProvider;
import io.paas.controller.mail.MailStore;
import io.vertx.core.Future;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * smtp addons: a login on the platform's own SMTP server. The account is the addon's record (user name: the addon's
 * name), so provisioning only makes a password; the server stops taking the login once the record is gone.
 * Config vars point at where the server listens now, not where it did when the addon was made.
 */
public final class SmtpProvider implements AddonProvider {
  public static final String USERNAME = "username";
  public static final String PASSWORD = "password";
  private static final int PASSWORD_BYTES = 32;

  private final SecureRandom random = new SecureRandom();
  private final String host;
  private final int port;
  private final MailStore mail;

  /** {@code host} and {@code port}: where apps reach the SMTP server, e.g. the docker0 gateway. */
  public SmtpProvider(String host, int port, MailStore mail) {
    this.host = host;
    this.port = port;
    this.mail = mail;
  }

  @Override
  public String service() {
    return "smtp";
  }

  @Override
  public String defaultAttachment() {
    return "SMTP";
  }

  @Override
  public List<AddonPlan> plans() {
    return SmtpPlan.addonPlans();
  }

  /** 256 random bits, URL-safe, so the password needs no escaping in {@code SMTP_URL}. */
  @Override
  public Future<Map<String, String>> provision(AddonInstance addon) {
    byte[] secret = new byte[PASSWORD_BYTES];
    random.nextBytes(secret);
    return Future.succeededFuture(Map.of(USERNAME, addon.name(),
        PASSWORD, Base64.getUrlEncoder().withoutPadding().encodeToString(secret)));
  }

  /** Forgets the addon's stored messages and counts; the login ends with the addon's record. */
  @Override
  public Future<Void> deprovision(AddonInstance addon, Map<String, String> credentials) {
    return mail.deleteAddon(addon.name());
  }

  @Override
  public Map<String, String> configVars(String as, Map<String, String> credentials) {
    String username = credentials.get(USERNAME);
    String password = credentials.get(PASSWORD);
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put(as + "_URL", "smtp://" + username + ":" + password + "@" + host + ":" + port);
    vars.put(as + "_HOST", host);
    vars.put(as + "_PORT", String.valueOf(port));
    vars.put(as + "_USERNAME", username);
    vars.put(as + "_PASSWORD", password);
    return vars;
  }

  @Override
  public Future<Map<String, String>> info(AddonInstance addon, Map<String, String> credentials) {
    SmtpPlan plan = SmtpPlan.named(addon.plan());
    return mail.sentToday(addon.name()).map(sent -> {
      Map<String, String> info = new LinkedHashMap<>();
      info.put("Plan", plan.planName());
      info.put("Daily limit", plan.dailyLimit() + " messages (UTC day)");
      info.put("Sent today", String.valueOf(sent));
      info.put("Server", host + ":" + port + " (AUTH required, STARTTLS offered)");
      return info;
    });
  }
}
