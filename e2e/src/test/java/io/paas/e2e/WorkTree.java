package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** A user's app repo: files written, committed and pushed with the real git. */
final class WorkTree {
  final Path dir;
  private final Platform platform;

  WorkTree(Platform platform, Path dir) throws Exception {
    this.platform = platform;
    this.dir = Files.createDirectories(dir);
    assertThat(platform.git(dir, "init", "-q", "-b", "main").exit()).isZero();
  }

  WorkTree write(String file, String content) throws Exception {
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
    return this;
  }

  /**
   * Copies a sample app over the work tree: this module's own (src/test/resources/apps/NAME), else the builder's,
   * so each sample project exists once.
   */
  WorkTree copyApp(String name) throws Exception {
    var own = WorkTree.class.getResource("/apps/" + name);
    Path source = own != null ? Path.of(own.toURI())
        : Platform.HOME.resolve("builder/src/test/resources/apps").resolve(name);
    try (var files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = dir.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    return this;
  }

  WorkTree commit(String message) throws Exception {
    assertThat(platform.git(dir, "add", "-A").exit()).isZero();
    Result commit = platform.git(dir, "-c", "user.email=dev@example.com", "-c", "user.name=dev", "commit", "-q",
        "--allow-empty", "-m", message);
    assertThat(commit.exit()).as(commit.all()).isZero();
    return this;
  }

  Result push() throws Exception {
    return platform.git(dir, "push", "paas", "main");
  }

  /** Creates the app (which adds its git remote here) and pushes to it; both must succeed. */
  WorkTree createAndPush(String app) throws Exception {
    assertThat(paas("apps:create", app).exit()).isZero();
    Result push = push();
    assertThat(push.exit()).as(push.all()).isZero();
    return this;
  }

  /** Drops the last commit, after a push that was meant to be refused. */
  void undoLastCommit() throws Exception {
    assertThat(platform.git(dir, "reset", "-q", "--hard", "HEAD~1").exit()).isZero();
  }

  Result paas(String... args) throws Exception {
    return platform.paas(dir, null, args);
  }

  /** The URL the addon attached as {@code attachment} gives the app ({@code ATTACHMENT_URL}), credentials and all. */
  URI addonUrl(String attachment) throws Exception {
    String key = attachment + "_URL=";
    String out = paas("addons:info", attachment, "--show-credentials").out();
    return out.lines().filter(line -> line.startsWith(key)).findFirst()
        .map(line -> URI.create(line.substring(key.length())))
        .orElseThrow(() -> new AssertionError("no " + key + " in:\n" + out));
  }
}
