package io.paas.controller.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/** One MAIL FROM ... DATA exchange of a logged-in account, which the server requires before MAIL FROM. */
final class MailTransaction implements MessageHandler {
  private final MessageContext context;
  private final MailAccounts accounts;
  private final MailIntake intake;
  private final int maxSize;
  private final List<String> recipients = new ArrayList<>();
  private MailAccount account;
  private String from;

  MailTransaction(MessageContext context, MailAccounts accounts, MailIntake intake, int maxSize) {
    this.context = context;
    this.accounts = accounts;
    this.intake = intake;
    this.maxSize = maxSize;
  }

  /** Looks the account up again rather than trusting the login: one removed since then sends nothing more. */
  @Override
  public void from(String from) throws RejectException {
    String username = context.getAuthenticationHandler().map(auth -> String.valueOf(auth.getIdentity()))
        .orElseThrow(() -> new RejectException(530, "5.7.0 Authentication required"));
    account = SessionWait.await(accounts.find(username))
        .orElseThrow(() -> new RejectException(535, "5.7.8 Authentication credentials invalid"));
    intake.checkLimit(account);
    this.from = from;
  }

  @Override
  public void recipient(String recipient) {
    recipients.add(recipient);
  }

  @Override
  public String data(InputStream data) throws RejectException, IOException {
    byte[] raw = data.readNBytes(maxSize + 1);
    if (raw.length > maxSize) {
      // Read to the end, so the client's next command is not taken from the middle of its message.
      data.transferTo(OutputStream.nullOutputStream());
      throw new RejectException(552, "5.3.4 Message size exceeds fixed limit");
    }
    return "Ok: stored as message " + intake.accept(account, from, recipients, raw);
  }

  @Override
  public void done() {
  }
}
