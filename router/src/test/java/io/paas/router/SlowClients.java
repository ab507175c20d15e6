package io.paas.router;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slowloris: connections that start a request and then send one header byte every {@value #TRICKLE_MILLIS} ms, never
 * finishing it, and as many that connect and say nothing at all.
 */
final class SlowClients implements AutoCloseable {
  private static final long TRICKLE_MILLIS = 200;

  private final List<Socket> trickling = new ArrayList<>();
  private final List<Socket> silent = new ArrayList<>();
  private final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

  /** Opens {@code count} connections to the port, half of them trickling. */
  static SlowClients open(int port, int count, String host) throws IOException {
    SlowClients clients = new SlowClients();
    for (int i = 0; i < count; i++) {
      Socket socket = new Socket("127.0.0.1", port);
      if (i % 2 == 0) {
        socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nX-Slow: ")
            .getBytes(StandardCharsets.US_ASCII));
        clients.trickling.add(socket);
      } else {
        clients.silent.add(socket);
      }
    }
    clients.trickle.scheduleAtFixedRate(clients::sendAByte, TRICKLE_MILLIS, TRICKLE_MILLIS, TimeUnit.MILLISECONDS);
    return clients;
  }

  private void sendAByte() {
    for (Socket socket : trickling) {
      try {
        socket.getOutputStream().write('a');
      } catch (IOException closedByTheServer) {
        // counted by stillOpen()
      }
    }
  }

  /** How many of the connections the server has not closed, each given {@code waitMillis} to show it. */
  int stillOpen(int waitMillis) throws IOException {
    int open = 0;
    for (Socket socket : all()) {
      socket.setSoTimeout(waitMillis);
      try (InputStream in = socket.getInputStream()) {
        while (in.read() != -1) {
          // an answer (a 408 or 400) before the close is fine; the close is what counts
        }
      } catch (SocketTimeoutException e) {
        open++;
      } catch (IOException reset) {
        // closed by the server
      }
    }
    return open;
  }

  int count() {
    return trickling.size() + silent.size();
  }

  private List<Socket> all() {
    List<Socket> all = new ArrayList<>(trickling);
    all.addAll(silent);
    return all;
  }

  @Override
  public void close() throws IOException {
    trickle.shutdownNow();
    for (Socket socket : all()) {
      socket.close();
    }
  }
}
