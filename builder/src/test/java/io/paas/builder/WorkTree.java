package io.paas.builder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** A git work tree driven through the real git command line, isolated from the user's and the system's config. */
final class WorkTree {
  record Result(int exitCode, String output) {
  }

  private final Path dir;
  private final Path home;

  WorkTree(Path dir) throws Exception {
    this.dir = Files.createDirectories(dir.resolve("work"));
    this.home = Files.createDirectories(dir.resolve("home"));
    check(git("init", "-q", "-b", "main"));
  }

  WorkTree write(String path, String content) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return this;
  }

  /** Copies every file below {@code source} into the work tree, at the same relative paths. */
  WorkTree copyOf(Path source) throws IOException {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        write(source.relativize(file).toString(), Files.readString(file));
      }
    }
    return this;
  }

  WorkTree executable(String path, String content) throws IOException {
    write(path, content);
    Files.setPosixFilePermissions(dir.resolve(path), PosixFilePermissions.fromString("rwxr-xr-x"));
    return this;
  }

  WorkTree symlink(String path, String target) throws IOException {
    Files.createSymbolicLink(dir.resolve(path), Path.of(target));
    return this;
  }

  /** A file of incompressible bytes, so the pack is about that big. */
  WorkTree randomFile(String path, int bytes) throws IOException {
    byte[] data = new byte[bytes];
    new Random(bytes).nextBytes(data);
    Files.write(dir.resolve(path), data);
    return this;
  }

  String commit(String message) throws Exception {
    check(git("add", "-A"));
    check(git("commit", "-q", "-m", message));
    return head();
  }

  String head() throws Exception {
    return check(git("rev-parse", "HEAD")).output().trim();
  }

  /** Runs git; {@code args} may start with {@code -c name=value} options. */
  Result git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=", "-c", "user.name=Dev",
        "-c", "user.email=dev@example.com"));
    command.addAll(List.of(args));
    Path output = Files.createTempFile(home, "git-", ".out");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(output.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("GIT_"));
    env.putAll(Map.of("HOME", home.toString(), "GIT_CONFIG_NOSYSTEM", "1", "GIT_TERMINAL_PROMPT", "0",
        "LC_ALL", "C"));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("git " + String.join(" ", args) + " did not finish: " + Files.readString(output));
    }
    return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
  }

  private static Result check(Result result) {
    if (result.exitCode() != 0) {
      throw new AssertionError("git failed: " + result.output());
    }
    return result;
  }
}
