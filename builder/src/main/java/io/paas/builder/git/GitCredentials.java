package io.paas.builder.git;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads the API token git sends as the password of HTTP basic auth; the user name is ignored. */
final class GitCredentials {
  private GitCredentials() {
  }

  static Optional<String> token(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    int space = authorization.indexOf(' ');
    if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("Basic")) {
      return Optional.empty();
    }
    String userAndPassword;
    try {
      userAndPassword = new String(Base64.getDecoder().decode(authorization.substring(space + 1).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = userAndPassword.indexOf(':');
    String password = colon < 0 ? "" : userAndPassword.substring(colon + 1);
    return password.isEmpty() ? Optional.empty() : Optional.of(password);
  }
}
