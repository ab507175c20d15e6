package io.paas.controller.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A port chosen once per data dir and kept, for a server whose address is baked into apps' config vars (SMTP_URL):
 * a new port at each start would break every release made before.
 */
final class KeptPort {
  private KeptPort() {
  }

  /** {@code given} when set (and then kept), else the kept one, else a port free now on {@code host}. */
  static int of(Path dataDir, String name, Integer given, String host) {
    Path file = dataDir.resolve(name + ".port");
    try {
      if (given != null && given > 0) {
        Files.writeString(file, given + "\n");
        return given;
      }
      if (Files.exists(file)) {
        return Integer.parseInt(Files.readString(file).trim());
      }
      int port;
      try (ServerSocket socket = new ServerSocket()) {
        socket.bind(new InetSocketAddress(host, 0));
        port = socket.getLocalPort();
      }
      Files.writeString(file, port + "\n");
      return port;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
