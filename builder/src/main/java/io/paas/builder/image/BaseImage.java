package io.paas.builder.image;

import io.paas.builder.BuildFailedException;
import io.paas.builder.plan.Dockerfile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Makes the base stack with no registry: debootstrap a minimal Debian, then make an image
 * of it (a {@code FROM scratch} build that adds the tree, as Debian's official images are made). Needs debootstrap and
 * root on the builder's host.
 */
final class BaseImage {
  static final String SUITE = "bookworm";
  private static final String DEFAULT_MIRROR = "http://deb.debian.org/debian";
  private static final String ROOTFS = "rootfs.tar";
  private static final long BOOTSTRAP_TIMEOUT_MINUTES = 15;

  private final DockerBuild build;
  private final String mirror;

  BaseImage(DockerBuild build, String mirror) {
    this.build = build;
    this.mirror = mirror;
  }

  /** PAAS_DEBIAN_MIRROR, else the host's own Debian mirror, else deb.debian.org. */
  static String hostMirror() {
    String configured = System.getenv("PAAS_DEBIAN_MIRROR");
    if (configured != null && !configured.isBlank()) {
      return configured.strip();
    }
    return sourcesListMirror().or(BaseImage::deb822Mirror).orElse(DEFAULT_MIRROR);
  }

  void make(String image, Map<String, String> labels, StepLog log) throws BuildFailedException {
    Path work = null;
    try {
      work = Files.createTempDirectory("paas-stack-base-");
      Path root = Files.createDirectory(work.resolve("root"));
      Path context = Files.createDirectory(work.resolve("context"));
      log.note("Bootstrapping Debian " + SUITE + " from " + mirror);
      run(log, List.of("debootstrap", "--variant=minbase", SUITE, root.toString(), mirror));
      slim(root);
      run(log, List.of("tar", "--numeric-owner", "-C", root.toString(), "-cf", context.resolve(ROOTFS).toString(),
          "."));
      Files.writeString(context.resolve("Dockerfile"), new Dockerfile().from("scratch").add(ROOTFS, "/")
          .render(labels));
      buildImage(context, image, log);
    } catch (IOException e) {
      log.failed();
      throw new BuildFailedException("Could not make the base stack " + image + ": " + e.getMessage()
          + ". It needs debootstrap (apt-get install debootstrap) and root; or point the base stack at an image.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildFailedException("Making the base stack was interrupted.", e);
    } finally {
      removeTree(work);
    }
  }

  /** Package lists and caches are fetched again by every stack that installs anything. */
  private static void slim(Path root) throws IOException {
    for (String dir : List.of("var/lib/apt/lists", "var/cache/apt")) {
      Path path = root.resolve(dir);
      if (Files.isDirectory(path)) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(path, Files::isRegularFile)) {
          for (Path file : files) {
            Files.delete(file);
          }
        }
      }
    }
  }

  /** The context streams from tar as the engine reads it: the tree is large, and already on disk once. */
  private void buildImage(Path context, String image, StepLog log) throws IOException, BuildFailedException {
    Process tar = new ProcessBuilder("tar", "-C", context.toString(), "-c", ".")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    try (InputStream in = tar.getInputStream()) {
      build.run(in, "Dockerfile", image, Map.of(), log);
    } finally {
      tar.destroy();
    }
  }

  private static void run(StepLog log, List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines().forEach(log); // kept back, shown only if it fails
    }
    if (!process.waitFor(BOOTSTRAP_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException(command.get(0) + " took longer than " + BOOTSTRAP_TIMEOUT_MINUTES + " minutes");
    }
    if (process.exitValue() != 0) {
      throw new IOException(command.get(0) + " exited with " + process.exitValue());
    }
  }

  /** Stays on the tree's own file system, in case a failed debootstrap left /proc or /sys mounted in it. */
  private static void removeTree(Path root) {
    if (root == null) {
      return;
    }
    try {
      new ProcessBuilder("rm", "-rf", "--one-file-system", root.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException e) {
      root.toFile().deleteOnExit();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first {@code deb [options] URL suite ...} line of /etc/apt/sources.list. */
  private static Optional<String> sourcesListMirror() {
    try (Stream<String> lines = Files.lines(Path.of("/etc/apt/sources.list"))) {
      return lines.map(String::strip)
          .filter(line -> line.startsWith("deb "))
          .map(line -> line.substring(4).replaceFirst("^\\[[^]]*]\\s*", "").split("\\s+")[0])
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first {@code URIs:} of the deb822 sources in /etc/apt/sources.list.d. */
  private static Optional<String> deb822Mirror() {
    try (Stream<Path> files = Files.list(Path.of("/etc/apt/sources.list.d"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sources")).sorted().toList()) {
        Optional<String> uri = Files.readAllLines(file).stream().map(String::strip)
            .filter(line -> line.startsWith("URIs:"))
            .map(line -> line.substring(5).strip().split("\\s+")[0])
            .findFirst();
        if (uri.isPresent()) {
          return uri;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no readable sources: the default mirror
    }
    return Optional.empty();
  }
}
