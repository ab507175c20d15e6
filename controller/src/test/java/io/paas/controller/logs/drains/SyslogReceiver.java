package io.paas.controller.logs.drains;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A syslog receiver on loopback, plain or TLS, that keeps every message it is sent; it can go away and come back on
 * the same port.
 */
public final class SyslogReceiver {
  public final List<String> messages = new CopyOnWriteArrayList<>();
  public final List<NetSocket> connections = new CopyOnWriteArrayList<>();
  private final Vertx vertx;
  private final NetServerOptions options;
  private NetServer server;
  private int port;

  private SyslogReceiver(Vertx vertx, NetServerOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  public static SyslogReceiver plain(Vertx vertx) throws Exception {
    return new SyslogReceiver(vertx, new NetServerOptions()).start();
  }

  public static SyslogReceiver tls(Vertx vertx, TestCertificate certificate) throws Exception {
    return new SyslogReceiver(vertx, new NetServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCert()))
        .start();
  }

  public int port() {
    return port;
  }

  /** Closes the server and every connection, as a receiver that crashed would. */
  public void stop() throws Exception {
    server.close().await(10, TimeUnit.SECONDS);
    connections.forEach(NetSocket::close);
  }

  /** Listens on the port it had, or a free one the first time. */
  public SyslogReceiver start() throws Exception {
    server = vertx.createNetServer(options).connectHandler(socket -> {
      connections.add(socket);
      OctetFrames frames = new OctetFrames();
      socket.handler(bytes -> messages.addAll(frames.feed(bytes)));
      socket.closeHandler(v -> connections.remove(socket));
    });
    port = server.listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    return this;
  }
}
