package io.paas.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} on a free loopback port with a password and no persistence, run as a child process;
 * {@link #command} talks to it over a socket of its own, so a test can check what a {@code redis-cli} did.
 */
final class RedisServer implements AutoCloseable {
  private final Process process;
  private final int port;
  private final String password;

  private RedisServer(Process process, int port, String password) {
    this.process = process;
    this.port = port;
    this.password = password;
  }

  /** Waits until it answers, up to 10 s; its output goes to {@code redis.log} in {@code dir}. */
  static RedisServer start(String password, Path dir) throws IOException, InterruptedException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--requirepass", password, "--save", "", "--appendonly", "no", "--dir", dir.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile())
        .start();
    RedisServer server = new RedisServer(process, port, password);
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (true) {
      try {
        if ("PONG".equals(server.command("PING"))) {
          return server;
        }
      } catch (IOException notYet) {
        if (!process.isAlive() || Instant.now().isAfter(deadline)) {
          server.close();
          throw new IOException("redis-server did not start; see " + dir.resolve("redis.log"), notYet);
        }
      }
      Thread.sleep(50);
    }
  }

  int port() {
    return port;
  }

  /**
   * Sends AUTH, then the command; its reply as a string: a status or bulk string as it is, an error with its
   * {@code -} in front, a missing value as null.
   */
  String command(String... words) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      InputStream in = new BufferedInputStream(socket.getInputStream());
      out.write(request("AUTH", password));
      out.write(request(words));
      out.flush();
      String auth = reply(in);
      if (!"OK".equals(auth)) {
        throw new IOException("AUTH answered " + auth);
      }
      return reply(in);
    }
  }

  private static byte[] request(String... words) {
    StringBuilder request = new StringBuilder("*" + words.length + "\r\n");
    for (String word : words) {
      request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word)
          .append("\r\n");
    }
    return request.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String reply(InputStream in) throws IOException {
    String line = line(in);
    return switch (line.charAt(0)) {
      case '+', ':' -> line.substring(1);
      case '-' -> line;
      case '$' -> {
        int length = Integer.parseInt(line.substring(1));
        if (length < 0) {
          yield null;
        }
        byte[] bulk = in.readNBytes(length + 2);
        yield new String(bulk, 0, length, StandardCharsets.UTF_8);
      }
      default -> throw new IOException("unexpected reply " + line);
    };
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != '\n') {
      if (b == -1) {
        throw new IOException("redis-server closed the connection");
      }
      line.write(b);
    }
    String text = line.toString(StandardCharsets.UTF_8);
    return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
