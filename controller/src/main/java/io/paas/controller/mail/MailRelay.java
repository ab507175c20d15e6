package io.paas.controller.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;

/**
 * Sends accepted messages on to the operator's smarthost, byte for byte (a signed message stays valid), to the
 * envelope's recipients. Jakarta Mail blocks, so sends run on a small worker pool of their own.
 */
final class MailRelay {
  private static final String TIMEOUT_MS = "30000";
  private static final int SENDERS = 2;

  private final RelayOptions options;
  private final WorkerExecutor senders;

  MailRelay(Vertx vertx, RelayOptions options) {
    this.options = options;
    this.senders = vertx.createSharedWorkerExecutor("paas-mail-relay", SENDERS);
  }

  Future<Void> send(String envelopeFrom, List<String> recipients, byte[] raw) {
    return senders.executeBlocking(() -> {
      Session session = Session.getInstance(properties(envelopeFrom));
      MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(raw));
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect(options.host(), options.port(), options.username(), options.password());
        transport.sendMessage(message, addresses(recipients));
      }
      return null;
    }, false);
  }

  Future<Void> close() {
    return senders.close();
  }

  private Properties properties(String envelopeFrom) {
    Properties properties = new Properties();
    properties.put("mail.smtp.from", envelopeFrom);
    properties.put("mail.smtp.auth", String.valueOf(options.username() != null));
    properties.put("mail.smtp.starttls.enable", String.valueOf(options.startTls()));
    properties.put("mail.smtp.starttls.required", String.valueOf(options.startTls()));
    properties.put("mail.smtp.ssl.checkserveridentity", "true");
    properties.put("mail.smtp.connectiontimeout", TIMEOUT_MS);
    properties.put("mail.smtp.timeout", TIMEOUT_MS);
    properties.put("mail.smtp.writetimeout", TIMEOUT_MS);
    return properties;
  }

  private static InternetAddress[] addresses(List<String> recipients) throws MessagingException {
    InternetAddress[] addresses = new InternetAddress[recipients.size()];
    for (int i = 0; i < addresses.length; i++) {
      addresses[i] = new InternetAddress(recipients.get(i));
    }
    return addresses;
  }
}
