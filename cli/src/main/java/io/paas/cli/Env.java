package io.paas.cli;

import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;

/** What the CLI reads from the process it runs in; tests pass their own instead of touching the real one. */
public interface Env {
  /** An environment variable, or null when it is unset or empty. */
  String var(String name);

  /** The directory git commands look at to find the app's repo. */
  Path workDir();

  InputStream stdin();

  /** The terminal, or null when input or output is redirected. */
  Console console();

  static Env system() {
    return new Env() {
      @Override
      public String var(String name) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? null : value;
      }

      @Override
      public Path workDir() {
        return Path.of("").toAbsolutePath();
      }

      @Override
      public InputStream stdin() {
        return System.in;
      }

      @Override
      public Console console() {
        return System.console();
      }
    };
  }
}
