package io.paas.controller.server;

import io.paas.controller.auth.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The token agents present: {@code --agent-token}, or one made once per data dir and kept in {@code agent-token}
 * (mode 600), which an operator copies to the hosts that run agents.
 */
final class ClusterToken {
  private ClusterToken() {
  }

  static String of(Path dataDir, String given) {
    if (given != null && !given.isBlank()) {
      return given.trim();
    }
    Path file = dataDir.resolve("agent-token");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String token = Tokens.randomString(32);
      Files.writeString(file, token + "\n");
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
