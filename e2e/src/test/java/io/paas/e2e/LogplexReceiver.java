package io.paas.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS drain receiver: takes Heroku's {@code application/logplex-1} posts and keeps each frame. A post whose
 * headers disagree with its body is answered 400, so the platform would retry it and the test would see no lines.
 * It can stop and start again on the same port, as a receiver down for a while would.
 */
final class LogplexReceiver implements AutoCloseable {
  final List<String> messages = new CopyOnWriteArrayList<>();
  final List<String> tokens = new CopyOnWriteArrayList<>();
  private final SSLContext tls;
  private final int port;
  private HttpsServer server;

  LogplexReceiver(Path keystore, String password) throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = new FileInputStream(keystore.toFile())) {
      keys.load(in, password.toCharArray());
    }
    KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    managers.init(keys, password.toCharArray());
    tls = SSLContext.getInstance("TLS");
    tls.init(managers.getKeyManagers(), null, null);
    port = Platform.freePort();
    start();
  }

  int port() {
    return port;
  }

  void start() throws IOException {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    server.setHttpsConfigurator(new HttpsConfigurator(tls));
    server.createContext("/logs", this::post);
    server.start();
  }

  void stop() {
    server.stop(0);
  }

  private void post(HttpExchange exchange) throws IOException {
    List<String> frames = frames(exchange.getRequestBody().readAllBytes());
    String count = exchange.getRequestHeaders().getFirst("Logplex-Msg-Count");
    boolean good = "application/logplex-1".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
        && count != null && Integer.parseInt(count) == frames.size()
        && exchange.getRequestHeaders().getFirst("Logplex-Frame-Id") != null;
    if (good) {
      messages.addAll(frames);
      tokens.add(exchange.getRequestHeaders().getFirst("Logplex-Drain-Token"));
    }
    exchange.sendResponseHeaders(good ? 200 : 400, -1);
    exchange.close();
  }

  /** Octet-counted frames, {@code LEN SP MSG} each. */
  private static List<String> frames(byte[] body) {
    List<String> frames = new ArrayList<>();
    int at = 0;
    while (at < body.length) {
      int space = at;
      while (body[space] != ' ') {
        space++;
      }
      int length = Integer.parseInt(new String(body, at, space - at, StandardCharsets.US_ASCII));
      frames.add(new String(body, space + 1, length, StandardCharsets.UTF_8));
      at = space + 1 + length;
    }
    return frames;
  }

  @Override
  public void close() {
    stop();
  }
}
