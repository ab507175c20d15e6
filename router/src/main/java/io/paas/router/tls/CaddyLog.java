package io.paas.router.tls;

import io.paas.common.process.OutputLines;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Caddy's output, one JSON line per entry, passed to our log at the level Caddy gave it. */
final class CaddyLog {
  private static final Logger LOG = LoggerFactory.getLogger("caddy");
  private static final Pattern LEVEL = Pattern.compile("\"level\":\"(\\w+)\"");

  private CaddyLog() {
  }

  /** Copies the output on a thread of its own until Caddy closes it, that is until it exits. */
  static void follow(InputStream output, long pid) {
    OutputLines.follow(output, "caddy-log-" + pid, line -> LOG.atLevel(levelOf(line)).log(line));
  }

  static Level levelOf(String line) {
    Matcher matcher = LEVEL.matcher(line);
    if (!matcher.find()) {
      // Caddy logs JSON; plain lines are what it prints on its way out: "Error: ...", a Go panic.
      return Level.WARN;
    }
    return switch (matcher.group(1)) {
      case "debug" -> Level.DEBUG;
      case "warn" -> Level.WARN;
      case "error", "dpanic", "panic", "fatal" -> Level.ERROR;
      default -> Level.INFO;
    };
  }
}
