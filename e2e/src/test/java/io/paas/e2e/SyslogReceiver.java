package io.paas.e2e;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A syslog receiver over TCP as a log service runs one: RFC 6587 octet-counted frames, each kept as it came. */
final class SyslogReceiver implements AutoCloseable {
  final List<String> messages = new CopyOnWriteArrayList<>();
  private final ServerSocket server;

  SyslogReceiver() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::accept, "syslog-receiver");
    accept.setDaemon(true);
    accept.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread reader = new Thread(() -> read(socket), "syslog-connection");
        reader.setDaemon(true);
        reader.start();
      } catch (IOException closed) {
        return;
      }
    }
  }

  /** {@code LEN SP MSG}, again and again; a frame that is not so ends the connection, failing the test's wait. */
  private void read(Socket socket) {
    try (socket; InputStream in = new BufferedInputStream(socket.getInputStream())) {
      while (true) {
        int length = 0;
        int c;
        while ((c = in.read()) != ' ') {
          if (c < '0' || c > '9') {
            return;
          }
          length = length * 10 + (c - '0');
        }
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(in.readNBytes(length));
        messages.add(message.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException ended) {
      // The sender closed the connection.
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
