package io.paas.controller.mail;

import io.vertx.core.Future;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts kept in memory, added by the test. */
public final class TestMailAccounts implements MailAccounts {
  private final Map<String, MailAccount> accounts = new ConcurrentHashMap<>();

  public MailAccount add(String username, long appId, String password, int dailyLimit) {
    MailAccount account = new MailAccount(appId, username, password, dailyLimit);
    accounts.put(username, account);
    return account;
  }

  public void remove(String username) {
    accounts.remove(username);
  }

  @Override
  public Future<Optional<MailAccount>> find(String username) {
    return Future.succeededFuture(Optional.ofNullable(accounts.get(username)));
  }
}
