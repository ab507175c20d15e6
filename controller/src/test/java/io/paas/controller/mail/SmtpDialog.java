package io.paas.controller.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** A client that speaks SMTP line by line, to look at the server's exact replies. */
public final class SmtpDialog implements AutoCloseable {
  private Socket socket;
  private BufferedReader in;
  private OutputStream out;
  private final String greeting;

  public SmtpDialog(String host, int port) throws IOException {
    use(new Socket(host, port));
    greeting = reply();
  }

  public String greeting() {
    return greeting;
  }

  /** Sends one command line and returns the whole reply, the lines of a multi-line one joined by newlines. */
  public String send(String line) throws IOException {
    write(line + "\r\n");
    return reply();
  }

  /** Logs in with AUTH PLAIN; returns the server's reply. */
  public String authPlain(String username, String password) throws IOException {
    byte[] secret = ("\0" + username + "\0" + password).getBytes(StandardCharsets.UTF_8);
    return send("AUTH PLAIN " + Base64.getEncoder().encodeToString(secret));
  }

  /** Sends a whole message after DATA was accepted; returns the reply to its end. */
  public String data(String message) throws IOException {
    write(message.replace("\n.", "\n..") + "\r\n.\r\n");
    return reply();
  }

  public void write(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  /** STARTTLS, trusting whatever certificate the server shows; returns it. */
  public X509Certificate startTls() throws Exception {
    String reply = send("STARTTLS");
    if (!reply.startsWith("220")) {
      throw new IOException("STARTTLS refused: " + reply);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {TRUST_ALL}, new SecureRandom());
    SSLSocket tls = (SSLSocket) context.getSocketFactory()
        .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    tls.startHandshake();
    use(tls);
    return (X509Certificate) tls.getSession().getPeerCertificates()[0];
  }

  private void use(Socket connected) throws IOException {
    socket = connected;
    socket.setSoTimeout(30_000);
    in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    out = socket.getOutputStream();
  }

  private String reply() throws IOException {
    StringBuilder reply = new StringBuilder();
    String line;
    do {
      line = in.readLine();
      if (line == null) {
        throw new IOException("connection closed after: " + reply);
      }
      reply.append(reply.length() == 0 ? "" : "\n").append(line);
    } while (line.length() > 3 && line.charAt(3) == '-');
    return reply.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  static final X509TrustManager TRUST_ALL = new X509TrustManager() {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  };
}
