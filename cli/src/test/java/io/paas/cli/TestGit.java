package io.paas.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real {@code git} command, to set up and inspect the repos the CLI works in. */
final class TestGit {
  private TestGit() {
  }

  static Path init(Path dir) throws IOException, InterruptedException {
    git(dir, "init", "-q");
    return dir;
  }

  /** Returns git's output, trimmed; fails the test when git fails. */
  static String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    if (process.waitFor() != 0) {
      throw new AssertionError("git " + String.join(" ", args) + " failed: " + output);
    }
    return output;
  }

  static String remotes(Path dir) throws IOException, InterruptedException {
    return git(dir, "remote", "-v");
  }
}
