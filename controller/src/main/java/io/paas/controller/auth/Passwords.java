package io.paas.controller.auth;

import org.mindrot.jbcrypt.BCrypt;

/** Password hashing. bcrypt is slow on purpose: call it from a worker thread, not the event loop. */
public final class Passwords {
  private static final int COST = 12;
  /** Checked against when the email is unknown, so a login takes as long whether or not the account exists. */
  private static final String DECOY = BCrypt.hashpw("decoy", BCrypt.gensalt(COST));

  private Passwords() {
  }

  public static String hash(String password) {
    return BCrypt.hashpw(password, BCrypt.gensalt(COST));
  }

  public static boolean matches(String password, String hash) {
    return BCrypt.checkpw(password, hash == null ? DECOY : hash) && hash != null;
  }
}
