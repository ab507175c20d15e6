package io.paas.cli;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of the PostgreSQL wire protocol (v3) on a free loopback port for a real {@code psql} to log in with a
 * cleartext password and run queries, each answered with an empty result. Records what it was sent, so a test can
 * see which user, database and password psql got from the CLI. A wrong password is refused as PostgreSQL does.
 */
final class FakePostgres implements AutoCloseable {
  private static final int PROTOCOL_3 = 196608;
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;

  /** The parameters of each startup message: user, database, application_name... */
  final List<Map<String, String>> startups = new CopyOnWriteArrayList<>();
  /** The passwords sent, in order. */
  final List<String> passwords = new CopyOnWriteArrayList<>();
  /** The queries run after a successful login. */
  final List<String> queries = new CopyOnWriteArrayList<>();

  private final String password;
  private final ServerSocket server;

  FakePostgres(String password) throws IOException {
    this.password = password;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread thread = new Thread(this::serve, "fake-postgres");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        session(new DataInputStream(new BufferedInputStream(socket.getInputStream())),
            new DataOutputStream(new BufferedOutputStream(socket.getOutputStream())));
      } catch (IOException closedOrGone) {
        // the server is closed, or psql hung up: on to the next connection, if any
      }
    }
  }

  private void session(DataInputStream in, DataOutputStream out) throws IOException {
    Map<String, String> startup = null;
    while (startup == null) {
      byte[] packet = new byte[in.readInt() - 4];
      in.readFully(packet);
      DataInputStream body = new DataInputStream(new ByteArrayInputStream(packet));
      int code = body.readInt();
      if (code == SSL_REQUEST || code == GSS_REQUEST) {
        out.write('N');
        out.flush();
      } else if (code == PROTOCOL_3) {
        startup = parameters(body);
      } else {
        return;
      }
    }
    startups.add(startup);
    message(out, 'R', int32(3)); // AuthenticationCleartextPassword
    out.flush();
    if (in.read() != 'p') {
      return; // psql had no password to send
    }
    String sent = cstring(body(in));
    passwords.add(sent);
    if (!password.equals(sent)) {
      message(out, 'E', error("28P01", "password authentication failed for user \"" + startup.get("user") + "\""));
      out.flush();
      return;
    }
    message(out, 'R', int32(0)); // AuthenticationOk
    message(out, 'S', cstrings("server_version", "15.4"));
    message(out, 'S', cstrings("client_encoding", "UTF8"));
    message(out, 'S', cstrings("standard_conforming_strings", "on"));
    message(out, 'K', concat(int32(4242), int32(1)));
    ready(out);
    while (true) {
      int type = in.read();
      if (type == -1 || type == 'X') {
        return;
      }
      byte[] body = body(in);
      if (type == 'Q') {
        queries.add(cstring(body));
        message(out, 'I', new byte[0]); // EmptyQueryResponse
        ready(out);
      }
    }
  }

  private static byte[] body(DataInputStream in) throws IOException {
    byte[] body = new byte[in.readInt() - 4];
    in.readFully(body);
    return body;
  }

  private static Map<String, String> parameters(DataInputStream body) throws IOException {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (String name = cstring(body); !name.isEmpty(); name = cstring(body)) {
      parameters.put(name, cstring(body));
    }
    return parameters;
  }

  private static String cstring(byte[] body) throws IOException {
    return cstring(new DataInputStream(new ByteArrayInputStream(body)));
  }

  private static String cstring(DataInputStream in) throws IOException {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (int b = in.read(); b != 0; b = in.read()) {
      if (b == -1) {
        throw new EOFException();
      }
      text.write(b);
    }
    return text.toString(StandardCharsets.UTF_8);
  }

  private static void ready(DataOutputStream out) throws IOException {
    message(out, 'Z', new byte[] {'I'});
    out.flush();
  }

  private static void message(DataOutputStream out, char type, byte[] body) throws IOException {
    out.write(type);
    out.writeInt(body.length + 4);
    out.write(body);
  }

  /** An ErrorResponse's fields, ended by an empty one. */
  private static byte[] error(String code, String text) {
    return cstrings("SFATAL", "VFATAL", "C" + code, "M" + text, "");
  }

  private static byte[] cstrings(String... texts) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (String text : texts) {
      bytes.writeBytes(text.getBytes(StandardCharsets.UTF_8));
      bytes.write(0);
    }
    return bytes.toByteArray();
  }

  private static byte[] int32(int value) {
    return new byte[] {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
  }

  private static byte[] concat(byte[] first, byte[] second) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(first);
    bytes.writeBytes(second);
    return bytes.toByteArray();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
