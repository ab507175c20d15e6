package io.paas.controller.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: long enough, within what bcrypt reads, and neither the (already valid) email nor a
 * common password.
 */
final class PasswordRules {
  private static final int MIN_CHARACTERS = 10;
  /** bcrypt ignores what lies beyond 72 bytes: a longer password would pass for its first 72 bytes alone. */
  private static final int MAX_BYTES = 72;
  private static final Set<String> COMMON = load("auth/common-passwords.txt");

  private PasswordRules() {
  }

  /** What is wrong with the password, for a 422; empty when it keeps every rule. */
  static Optional<String> problem(String email, String password) {
    if (password == null || password.isEmpty()) {
      return Optional.of("A password is required.");
    }
    if (password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
      return Optional.of("Password must be at least " + MIN_CHARACTERS + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return Optional.of("Password must be at most " + MAX_BYTES + " bytes (bcrypt ignores the rest).");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    String name = email.substring(0, Math.max(0, email.indexOf('@')));
    if (lower.equals(email.toLowerCase(Locale.ROOT)) || lower.equals(name.toLowerCase(Locale.ROOT))) {
      return Optional.of("Password must not be the email address or its name part.");
    }
    if (COMMON.contains(lower)) {
      return Optional.of("Password is one of the most common ones; choose another.");
    }
    return Optional.empty();
  }

  private static Set<String> load(String resource) {
    try (InputStream in = PasswordRules.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
          .filter(line -> !line.isEmpty()).collect(Collectors.toUnmodifiableSet());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
