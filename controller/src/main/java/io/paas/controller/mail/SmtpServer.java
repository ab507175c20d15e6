package io.paas.controller.mail;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The smtp addon's mail server. Every transaction needs AUTH (PLAIN or LOGIN) first. STARTTLS is offered, with a
 * self-signed certificate, but AUTH is accepted without it too: apps reach the server over the host's own bridge,
 * and many mail libraries in containers are set up without TLS. Messages are at most {@value #MAX_MESSAGE_SIZE}
 * bytes and go to at most {@value #MAX_RECIPIENTS} recipients.
 */
public final class SmtpServer {
  public static final int MAX_MESSAGE_SIZE = 10 * 1024 * 1024;
  public static final int MAX_RECIPIENTS = 50;
  private static final int IDLE_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final SMTPServer server;
  private final Optional<MailRelay> relay;

  private SmtpServer(Vertx vertx, SMTPServer server, Optional<MailRelay> relay) {
    this.vertx = vertx;
    this.server = server;
    this.relay = relay;
  }

  /** Completes once the server listens; the first start also makes the STARTTLS certificate, which takes a moment. */
  public static Future<SmtpServer> start(Vertx vertx, SmtpOptions options, MailAccounts accounts, MailStore store) {
    Optional<MailRelay> relay = options.relay().map(smarthost -> new MailRelay(vertx, smarthost));
    MailIntake intake = new MailIntake(store, relay);
    return vertx.executeBlocking(() -> {
      SSLContext tls = StartTlsCertificate.load(options.dataDir(), options.host());
      SMTPServer server = SMTPServer.port(options.port())
          .bindAddress(InetAddress.getByName(options.host()))
          .hostName(options.host())
          .softwareName("paas")
          .requireAuth(true)
          .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(new AccountLogin(accounts)))
          .enableTLS(true)
          .showAuthCapabilitiesBeforeSTARTTLS(true)
          .startTlsSocketFactory(socket -> upgrade(tls, socket))
          .maxMessageSize(MAX_MESSAGE_SIZE)
          .maxRecipients(MAX_RECIPIENTS)
          .connectionTimeout(IDLE_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .messageHandlerFactory(context -> new MailTransaction(context, accounts, intake, MAX_MESSAGE_SIZE))
          .build();
      server.start();
      return new SmtpServer(vertx, server, relay);
    }, false);
  }

  /**
   * The library's own upgrade looks the client's address up in DNS and enables every protocol the JVM knows; this
   * keeps the JVM's defaults (TLS 1.2 and 1.3) and does no lookup.
   */
  private static SSLSocket upgrade(SSLContext tls, Socket socket) throws IOException {
    InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    SSLSocket upgraded = (SSLSocket) tls.getSocketFactory()
        .createSocket(socket, remote.getHostString(), socket.getPort(), true);
    upgraded.setUseClientMode(false);
    return upgraded;
  }

  public String host() {
    return server.getHostName();
  }

  public int port() {
    return server.getPortAllocated();
  }

  /** Stops taking connections, ends open sessions and lets go of the relay's threads. */
  public Future<Void> stop() {
    return vertx.executeBlocking(() -> {
      server.stop();
      return null;
    }, false).compose(v -> relay.map(MailRelay::close).orElse(Future.succeededFuture()));
  }
}
