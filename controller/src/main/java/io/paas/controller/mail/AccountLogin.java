package io.paas.controller.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.UsernamePasswordValidator;

/**
 * Checks an AUTH PLAIN or LOGIN against the accounts; the SMTP library answers a refusal with 535. Passwords are
 * compared as SHA-256 digests in constant time, and an unknown user is checked against a decoy, so timing tells
 * neither a password's length nor whether the user exists.
 */
final class AccountLogin implements UsernamePasswordValidator {
  private static final String DECOY = "decoy-password-that-no-account-has";

  private final MailAccounts accounts;

  AccountLogin(MailAccounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public void login(String username, String password, MessageContext context) throws LoginFailedException {
    Optional<MailAccount> account;
    try {
      account = SessionWait.await(accounts.find(username));
    } catch (RejectException e) {
      throw new LoginFailedException();
    }
    boolean matches = sameSecret(account.map(MailAccount::password).orElse(DECOY), password);
    if (account.isEmpty() || !matches) {
      throw new LoginFailedException();
    }
  }

  private static boolean sameSecret(String expected, String given) {
    return MessageDigest.isEqual(sha256(expected), sha256(given));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
