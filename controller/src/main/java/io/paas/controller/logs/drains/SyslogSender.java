package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import io.paas.controller.store.LogDrain;
import io.vertx.core.VertxException;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.TrustOptions;
import java.util.List;

/**
 * A {@code syslog://} or {@code syslog+tls://} drain: one TCP connection, a frame per line, reconnecting after a
 * backoff when it cannot connect or the receiver goes away. Syslog has no acknowledgements: a line is delivered once
 * written, and a write that fails counts as dropped; what a dying connection swallowed unseen is beyond knowing.
 */
final class SyslogSender extends DrainSender {
  private static final int CONNECT_TIMEOUT_MS = 10_000;

  private final TrustOptions trust;
  private NetClient client;
  private NetSocket socket;

  SyslogSender(LogDrain drain, DrainUrl url, DrainAddresses addresses, DrainLimits limits, TrustOptions trust) {
    super(drain, url, addresses, limits);
    this.trust = trust;
  }

  @Override
  protected void begin() {
    client = vertx.createNetClient(new NetClientOptions().setTrustOptions(trust)
        .setHostnameVerificationAlgorithm("HTTPS").setConnectTimeout(CONNECT_TIMEOUT_MS));
    connect();
  }

  private void connect() {
    address().compose(server -> client.connect(options(server)))
        .onSuccess(this::connected)
        .onFailure(failure -> retry(failure, this::connect));
  }

  /** To the checked address; TLS verifies the certificate against the drain's host name. */
  private ConnectOptions options(SocketAddress server) {
    ConnectOptions options = new ConnectOptions().setRemoteAddress(server).setHost(url.host()).setPort(url.port())
        .setSsl(url.tls());
    return url.tls() && !url.hostIsAddress() ? options.setSniServerName(url.host()) : options;
  }

  private void connected(NetSocket connected) {
    if (stopped()) {
      connected.close();
      return;
    }
    socket = connected;
    delivering();
    socket.handler(ignored -> { }); // syslog receivers do not answer; anything they send is of no use
    socket.closeHandler(v -> {
      socket = null;
      retry(new VertxException("the receiver closed the connection", true), this::connect);
    });
    send();
  }

  @Override
  protected void send() {
    while (socket != null && !socket.writeQueueFull()) {
      List<LogEntry> next = buffer.take(1);
      if (next.isEmpty()) {
        return;
      }
      socket.write(SyslogFrame.of(next.get(0), drain.token())).onFailure(e -> buffer.lost(1));
    }
    if (socket != null) {
      socket.drainHandler(v -> send());
    }
  }
}
