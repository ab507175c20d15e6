package io.paas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine;

/** Runs {@code paas} in-process against a {@link TestEnv}, capturing what it prints. */
final class CliRunner {
  record Result(int exitCode, String out, String err) {
  }

  private final Map<String, String> vars = new HashMap<>();
  private final Path workDir;
  private volatile StringWriter liveOut = new StringWriter();
  String stdin = "";

  /** Keeps credentials in the given directory, so no test reads or writes the real ones. */
  CliRunner(Path configDir, Path workDir) {
    vars.put("PAAS_CONFIG_DIR", configDir.toString());
    this.workDir = workDir;
  }

  CliRunner env(String name, String value) {
    vars.put(name, value);
    return this;
  }

  /** What the running (or last) command has printed to stdout so far. */
  String outSoFar() {
    return liveOut.toString();
  }

  Result run(String... args) {
    StringWriter out = new StringWriter();
    liveOut = out;
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(new Paas(new TestEnv(Map.copyOf(vars), workDir, stdin)));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Result(exitCode, out.toString(), err.toString());
  }
}
