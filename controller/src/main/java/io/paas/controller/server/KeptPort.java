package io.paas.controller.server;

import io.paas.common.StateFile;
import io.paas.common.process.FreePort;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A port chosen once per data dir and kept, for a server whose address is baked into apps' config vars (SMTP_URL):
 * a new port at each start would break every release made before.
 */
final class KeptPort {
  private KeptPort() {
  }

  /** {@code given} when set (and then kept), else the kept one, else a port free now. */
  static int of(Path dataDir, String name, Integer given) {
    Path file = dataDir.resolve(name + ".port");
    try {
      if (given != null && given > 0) {
        Files.writeString(file, given + "\n");
        return given;
      }
      return Integer.parseInt(StateFile.readOrCreate(file, () -> Integer.toString(FreePort.pick())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
