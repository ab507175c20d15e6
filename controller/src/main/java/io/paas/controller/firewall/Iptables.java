package io.paas.controller.firewall;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The host's iptables, run as a child process. */
final class Iptables {
  private static final String IPTABLES = "/usr/sbin/iptables";
  private static final String RESTORE = "/usr/sbin/iptables-restore";
  /** Docker changes the rules too, under the same lock: wait for it a while rather than fail at once. */
  private static final String LOCK_WAIT_SECONDS = "10";

  private record Result(int status, String output) {
  }

  /** Runs {@code iptables ARGS}; fails with iptables's message unless it succeeds. */
  void run(String... args) {
    check(command(IPTABLES, args), null);
  }

  /** Whether {@code iptables ARGS} succeeds: how {@code -C} says a rule exists and {@code -S} that a chain does. */
  boolean succeeds(String... args) {
    return exec(command(IPTABLES, args), null).status() == 0;
  }

  /** Feeds the rules to {@code iptables-restore --noflush}: all are applied, or none. */
  void restore(String rules) {
    check(command(RESTORE, "--noflush"), rules);
  }

  private static List<String> command(String binary, String... args) {
    List<String> command = new ArrayList<>(List.of(binary, "-w", LOCK_WAIT_SECONDS));
    command.addAll(List.of(args));
    return command;
  }

  private static void check(List<String> command, String input) {
    Result result = exec(command, input);
    if (result.status() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed (status " + result.status() + "): "
          + result.output().strip() + (input == null ? "" : "\nits input was:\n" + input));
    }
  }

  private static Result exec(List<String> command, String input) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (OutputStream stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command.get(0) + " (the platform firewalls app containers with "
          + "iptables, as root): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
    }
  }
}
