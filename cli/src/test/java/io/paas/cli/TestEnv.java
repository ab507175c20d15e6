package io.paas.cli;

import java.io.ByteArrayInputStream;
import java.io.Console;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** An environment made up by a test: its own variables, working directory and stdin, and no terminal. */
record TestEnv(Map<String, String> vars, Path workDir, String input) implements Env {
  @Override
  public String var(String name) {
    return vars.get(name);
  }

  @Override
  public InputStream stdin() {
    return new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Console console() {
    return null;
  }
}
