package io.paas.controller.mail;

/**
 * An smtp addon's SMTP login. What it sends is kept under its app and addon, at most {@code dailyLimit} messages a
 * UTC day.
 */
public record MailAccount(long appId, String addon, String password, int dailyLimit) {
  /** Without the password, so an account in a log line or a failed assertion gives nothing away. */
  @Override
  public String toString() {
    return "MailAccount[appId=" + appId + ", addon=" + addon + ", dailyLimit=" + dailyLimit + "]";
  }
}
