package io.paas.router.proxy;

import io.paas.router.Backend;
import java.util.concurrent.TimeUnit;

/**
 * Writes an exchange as Heroku's router log line, field for field, so tools made for Heroku's logs parse ours:
 * {@code at=info method=GET path="/" host=… request_id=… fwd="…" dyno=web.1 connect=1ms service=12ms status=200
 * bytes=5 protocol=http}, with {@code code=… desc="…"} after {@code at=} when something went wrong. Fields of
 * steps never reached (no dyno chosen, no connection) are left empty, as Heroku does.
 */
final class RouterLogLine {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private RouterLogLine() {
  }

  /** The line for an exchange that ended at {@code endedAt} ({@link System#nanoTime()}). */
  static String of(Exchange exchange, int status, long bytes, long endedAt) {
    StringBuilder line = new StringBuilder(256);
    RouterError error = exchange.error();
    if (error == null) {
      line.append("at=info");
    } else {
      line.append(error.informational() ? "at=info" : "at=error")
          .append(" code=").append(error.code())
          .append(" desc=\"").append(error.description()).append('"');
    }
    line.append(" method=").append(exchange.method());
    quoted(line.append(" path="), exchange.path());
    line.append(" host=").append(exchange.host())
        .append(" request_id=").append(exchange.requestId());
    quoted(line.append(" fwd="), exchange.forwardedFor());
    Backend backend = exchange.backend();
    line.append(" dyno=").append(backend == null ? "" : backend.dyno());
    millis(line.append(" connect="), exchange.connectNanos());
    millis(line.append(" service="), exchange.serviceNanos(endedAt));
    return line.append(" status=").append(status)
        .append(" bytes=").append(bytes)
        .append(" protocol=").append(exchange.protocol())
        .toString();
  }

  private static void millis(StringBuilder line, long nanos) {
    if (nanos >= 0) {
      line.append(TimeUnit.NANOSECONDS.toMillis(nanos)).append("ms");
    }
  }

  /** Quotes a value the client chose, escaping what would end the field or break the line. */
  private static void quoted(StringBuilder line, String value) {
    line.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        line.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f) {
        line.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
      } else {
        line.append(c);
      }
    }
    line.append('"');
  }
}
