package io.paas.controller.auth;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Slows password guessing, per account and per source address: after a few failures in a row each is locked, for
 * longer with every further failure. An attempt counts as a failure from the moment it starts, so a burst of
 * parallel guesses cannot all slip through while the first ones are being checked; a success takes it back, and
 * clears the account's count (not the address's, or one good login would let an address guess on at other accounts).
 */
public final class LoginLimiter {
  /** After five failures in a row an account waits 1 s, after each further one twice as long, up to 15 minutes. */
  public static final LockoutRule ACCOUNTS =
      new LockoutRule(5, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));
  /** An address is allowed more, as many users may share it behind NAT. */
  public static final LockoutRule ADDRESSES =
      new LockoutRule(20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1));

  private final Lockout accounts;
  private final Lockout addresses;

  public LoginLimiter(LockoutRule accounts, LockoutRule addresses, InstantSource clock) {
    this.accounts = new Lockout(accounts, clock);
    this.addresses = new Lockout(addresses, clock);
  }

  /** How long to wait before trying; when there is no wait, the attempt is counted (as a failure until it succeeds). */
  public Optional<Duration> begin(String account, String address) {
    Duration wait = longer(accounts.lockedFor(account), addresses.lockedFor(address));
    if (!wait.isZero()) {
      return Optional.of(wait);
    }
    accounts.strike(account);
    addresses.strike(address);
    return Optional.empty();
  }

  public void succeeded(String account, String address) {
    accounts.clear(account);
    addresses.takeBack(address);
  }

  private static Duration longer(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
