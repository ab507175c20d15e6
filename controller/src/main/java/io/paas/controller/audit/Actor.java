package io.paas.controller.audit;

import io.paas.controller.store.User;

/**
 * Who did something, and from which address (null when unknown). A failed login has no user: only the email tried,
 * cut to the longest an address can be, since anything may be typed there.
 */
public record Actor(Long userId, String email, String address) {
  private static final int MAX_EMAIL = 254;

  public static Actor of(User user, String address) {
    return new Actor(user.id(), user.email(), address);
  }

  public static Actor attempt(String email, String address) {
    return new Actor(null, email.length() > MAX_EMAIL ? email.substring(0, MAX_EMAIL) : email, address);
  }
}
