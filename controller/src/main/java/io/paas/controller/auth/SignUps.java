package io.paas.controller.auth;

import io.paas.common.RateLimited;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.InstantSource;

/**
 * Accounts anyone may make, when the operator opens sign-up: never admins, and a few per source address before it
 * has to wait. Every attempt counts, a refused one too, so neither accounts nor probes for taken emails come fast.
 */
public final class SignUps {
  /** Five in a row from an address; then a minute's wait, twice as long after each further one, up to a day. */
  public static final LockoutRule PER_ADDRESS =
      new LockoutRule(5, Duration.ofMinutes(1), Duration.ofDays(1), Duration.ofDays(1));

  private final Accounts accounts;
  private final boolean open;
  private final Lockout addresses;

  public SignUps(Accounts accounts, boolean open, LockoutRule perAddress, InstantSource clock) {
    this.accounts = accounts;
    this.open = open;
    this.addresses = new Lockout(perAddress, clock);
  }

  /** Whether the operator opened sign-up ({@code --open-signup}); while closed only admins make accounts. */
  public boolean open() {
    return open;
  }

  public Future<User> signUp(String email, String password, String from) {
    Duration wait = addresses.lockedFor(from);
    if (!wait.isZero()) {
      return Future.failedFuture(new RateLimited("Too many sign-ups from this address.", wait));
    }
    addresses.strike(from);
    return accounts.createUser(email, password, false);
  }
}
