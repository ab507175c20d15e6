package io.paas.common.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A child process's output, passed on line by line. */
public final class OutputLines {
  private static final Logger LOG = LoggerFactory.getLogger(OutputLines.class);

  private OutputLines() {
  }

  /** Reads on a daemon thread of its own, named {@code threadName}, until the process closes its output. */
  public static void follow(InputStream output, String threadName, Consumer<String> lines) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
        reader.lines().forEach(lines);
      } catch (IOException | UncheckedIOException e) {
        LOG.warn("Lost the output read by {}", threadName, e);
      }
    }, threadName);
    thread.setDaemon(true);
    thread.start();
  }
}
