package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * One line as Heroku's drains send it: an RFC 5424 message, {@code <PRI>1 TIMESTAMP HOSTNAME APP-NAME PROCID - - MSG},
 * framed by octet counting (RFC 6587), {@code LEN SP MESSAGE}. HOSTNAME is the drain's token, so a receiver can tell
 * drains apart; APP-NAME is {@code app} or {@code heroku} as in the log's own format; PROCID is the process (web.1,
 * router, api, build).
 */
final class SyslogFrame {
  /** local7.info (23 * 8 + 6), what Heroku sends app lines with. */
  static final int APP_PRIORITY = 190;
  /** local3.info (19 * 8 + 6), what Heroku's router lines come with. */
  static final int ROUTER_PRIORITY = 158;
  /** RFC 5424's longest PROCID. */
  private static final int MAX_PROCID = 128;

  private SyslogFrame() {
  }

  static Buffer of(LogEntry line, String token) {
    return Buffer.buffer(frame(line, token));
  }

  static byte[] frame(LogEntry line, String token) {
    int priority = line.source().equals(LogEntry.ROUTER) ? ROUTER_PRIORITY : APP_PRIORITY;
    byte[] message = ("<" + priority + ">1 " + line.timestamp() + " " + token + " " + line.speaker() + " "
        + procId(line.process()) + " - - " + line.text()).getBytes(StandardCharsets.UTF_8);
    byte[] length = (message.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] frame = new byte[length.length + message.length];
    System.arraycopy(length, 0, frame, 0, length.length);
    System.arraycopy(message, 0, frame, length.length, message.length);
    return frame;
  }

  /** PROCID is printable ASCII without spaces; anything else would shift the fields a receiver parses. */
  private static String procId(String process) {
    String printable = process.replaceAll("[^\\x21-\\x7e]", "_");
    if (printable.isEmpty()) {
      return "-";
    }
    return printable.length() > MAX_PROCID ? printable.substring(0, MAX_PROCID) : printable;
  }
}
