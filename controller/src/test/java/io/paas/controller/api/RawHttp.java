package io.paas.controller.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client will send: malformed request lines and
 * percent-encoding, NUL bytes, oversized heads. One request per connection ({@code Connection: close}).
 */
final class RawHttp {
  /** How long a request may go unanswered before it counts as a hang. */
  static final int TIMEOUT_MILLIS = 10_000;

  private RawHttp() {
  }

  /** The answer; status -1 if the server closed the connection without one. */
  record Answer(int status, String head, String body) {
    String contentType() {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          return line.substring("content-type:".length()).trim();
        }
      }
      return "";
    }
  }

  /** Sends {@code head} (request line and headers, without the blank line) and the body. */
  static Answer send(int port, String head, byte[] body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(TIMEOUT_MILLIS);
      OutputStream out = socket.getOutputStream();
      try {
        out.write((head + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
      } catch (IOException refusedMidway) {
        // The server may answer and close before reading all of a request it refuses; read what it said.
      }
      return read(socket.getInputStream());
    }
  }

  private static Answer read(InputStream in) throws IOException {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    try {
      for (int n; (n = in.read(chunk)) != -1; ) {
        received.write(chunk, 0, n);
        if (streaming(received)) {
          break; // a stream (logs) answered with its head; it is not going to end by itself
        }
      }
    } catch (SocketTimeoutException e) {
      if (!received.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
        throw new AssertionError("No answer within " + TIMEOUT_MILLIS + " ms", e);
      }
    } catch (IOException reset) {
      // closed on us after (or instead of) an answer
    }
    String text = received.toString(StandardCharsets.ISO_8859_1); // a char per byte, as chunk sizes count
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      return new Answer(-1, text, "");
    }
    String head = text.substring(0, end);
    String body = text.substring(end + 4);
    String bytes = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? dechunk(body) : body;
    return new Answer(Integer.parseInt(text.substring(9, 12)), head,
        new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
  }

  private static String dechunk(String chunked) {
    StringBuilder body = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = lineEnd < 0 ? 0 : Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
      if (size == 0) {
        break;
      }
      body.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
      at = lineEnd + 2 + size + 2;
    }
    return body.toString();
  }

  private static boolean streaming(ByteArrayOutputStream received) {
    String text = received.toString(StandardCharsets.ISO_8859_1);
    return text.contains("\r\n\r\n") && text.toLowerCase(Locale.ROOT).contains("content-type: text/event-stream");
  }
}
