package io.paas.controller.api;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Pushes a one-file commit to an app's remote with the real git client, kept apart from any user's git config. */
final class GitPush {
  record Result(int exitCode, String output) {
  }

  private GitPush() {
  }

  static Result push(Path dir, int port, String app, String token) throws Exception {
    Path work = Files.createDirectories(dir.resolve("push-" + app));
    check(git(work, "init", "-q", "-b", "main"));
    Files.writeString(work.resolve("Procfile"), "web: serve\n");
    check(git(work, "add", "-A"));
    check(git(work, "commit", "-q", "-m", "first"));
    return git(work, "push", "http://paas:" + token + "@127.0.0.1:" + port + "/git/" + app + ".git", "main");
  }

  private static Result git(Path work, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=", "-c", "user.name=Dev",
        "-c", "user.email=dev@example.com"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(work.getParent(), "git-", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
    builder.environment().putAll(Map.of("HOME", work.getParent().toString(), "GIT_CONFIG_NOSYSTEM", "1",
        "GIT_TERMINAL_PROMPT", "0", "LC_ALL", "C"));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("git " + String.join(" ", args) + " did not finish");
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private static void check(Result result) {
    if (result.exitCode() != 0) {
      throw new AssertionError("git failed: " + result.output());
    }
  }
}
