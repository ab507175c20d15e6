package io.paas.controller.mail;

import io.vertx.core.Future;
import java.util.Optional;

/** The accounts the SMTP server takes logins for, by user name: the platform's smtp addons. */
public interface MailAccounts {
  /** No accounts: every login is refused. */
  MailAccounts NONE = username -> Future.succeededFuture(Optional.empty());

  Future<Optional<MailAccount>> find(String username);
}
