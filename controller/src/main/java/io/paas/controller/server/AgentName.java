package io.paas.controller.server;

import io.paas.controller.auth.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The in-process agent's name, made once per data dir and kept: the agent manages only containers carrying its
 * name, so two installations on one Docker engine never stop each other's dynos, and a restart adopts its own.
 */
final class AgentName {
  private AgentName() {
  }

  static String of(Path dataDir) {
    Path file = dataDir.resolve("agent-name");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String name = "local-" + Tokens.randomString(6).toLowerCase().replaceAll("[^a-z0-9]", "x");
      Files.writeString(file, name + "\n");
      return name;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
