package io.paas.controller.mail;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.RejectException;

/**
 * What happens to a message an account sends: checked against its daily limit, kept, and, with a smarthost, relayed
 * after the sender has its answer. Runs on SMTP session threads.
 */
final class MailIntake {
  private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);
  private static final int STATUS_LENGTH = 500;

  private final MailStore store;
  private final Optional<MailRelay> relay;

  MailIntake(MailStore store, Optional<MailRelay> relay) {
    this.store = store;
    this.relay = relay;
  }

  /** Refuses at MAIL FROM an account that has already sent its day's messages, before it sends a body. */
  void checkLimit(MailAccount account) throws RejectException {
    if (SessionWait.await(store.sentToday(account.addon())) >= account.dailyLimit()) {
      throw limitReached(account);
    }
  }

  /** The stored message's id. */
  long accept(MailAccount account, String envelopeFrom, List<String> recipients, byte[] raw) throws RejectException {
    long id = SessionWait.await(store.add(account, ReceivedMail.of(envelopeFrom, recipients, raw)))
        .orElseThrow(() -> limitReached(account));
    relay.ifPresent(smarthost -> smarthost.send(envelopeFrom, recipients, raw)
        .transform(sent -> store.relayStatus(id, sent.succeeded() ? MailStore.RELAYED : failed(sent.cause())))
        .onFailure(e -> LOG.error("Could not record the relay of message {}", id, e)));
    return id;
  }

  /** 4xx: the limit is per UTC day, so the same message goes through once the day turns. */
  private static RejectException limitReached(MailAccount account) {
    return new RejectException(450, "4.7.1 Daily sending limit of " + account.dailyLimit()
        + " messages reached for this addon's plan; it resets at 00:00 UTC");
  }

  private static String failed(Throwable cause) {
    String status = "relay failed: " + (cause.getMessage() != null ? cause.getMessage() : cause.toString());
    return status.length() > STATUS_LENGTH ? status.substring(0, STATUS_LENGTH) : status;
  }
}
