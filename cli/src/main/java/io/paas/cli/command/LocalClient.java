package io.paas.cli.command;

import io.paas.cli.CliException;
import java.io.IOException;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/** Runs a database client installed on this machine on the user's terminal, as heroku pg:psql does. */
final class LocalClient {
  private LocalClient() {
  }

  /**
   * Its exit status; the secret goes to it in {@code secretVariable} (unset when there is none, so one of the user's
   * own is not sent to this server). While it runs, Ctrl-C is the client's: psql cancels the query and carries on,
   * and paas must not exit from under it and hand the terminal back to the shell.
   */
  static int run(List<String> command, String secretVariable, String secret, String debianPackage) {
    ProcessBuilder process = new ProcessBuilder(command).inheritIO();
    if (secret == null || secret.isEmpty()) {
      process.environment().remove(secretVariable);
    } else {
      process.environment().put(secretVariable, secret);
    }
    // A handler of our own rather than SIG_IGN: an ignored signal would stay ignored in the client across exec.
    SignalHandler previous = onInterrupt(signal -> { });
    try {
      return process.start().waitFor();
    } catch (IOException e) {
      throw new CliException(command.get(0) + " is not installed here; install it (Debian: apt-get install "
          + debianPackage + ") and try again.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(command.get(0) + " was interrupted.");
    } finally {
      if (previous != null) {
        onInterrupt(previous);
      }
    }
  }

  /** Sets the SIGINT handler; the one it replaces, or null where the JVM does not let it be changed. */
  private static SignalHandler onInterrupt(SignalHandler handler) {
    try {
      return Signal.handle(new Signal("INT"), handler);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
