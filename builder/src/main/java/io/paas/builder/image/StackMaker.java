package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.paas.builder.BuildFailedException;
import io.paas.builder.plan.Stacks;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Sees that the stack images a build needs are on the engine. The platform's own are made when missing, once (builds
 * needing the same one wait for it); an image the installation configured must already be there.
 */
final class StackMaker {
  /** The label stack images (and every stage of their builds) carry: the stack's key. */
  static final String STACK_LABEL = "paas.stack";
  // Per image name, for every builder in this process: two builds never make the same stack at once.
  private static final Map<String, ReentrantLock> MAKING = new ConcurrentHashMap<>();

  private final DockerClient docker;
  private final DockerBuild build;
  private final Stacks stacks;
  private final BaseImage base;
  private final Path caCertificates;

  /** {@code caCertificates}: a directory of {@code *.crt} files the stacks trust besides Debian's CAs. */
  StackMaker(DockerClient docker, DockerBuild build, Stacks stacks, BaseImage base, Path caCertificates) {
    this.docker = docker;
    this.build = build;
    this.stacks = stacks;
    this.base = base;
    this.caCertificates = caCertificates;
  }

  void ensure(List<String> keys, Consumer<String> log) throws BuildFailedException {
    for (String key : keys) {
      ensure(key, log);
    }
  }

  private void ensure(String key, Consumer<String> log) throws BuildFailedException {
    String image = stacks.image(key);
    if (exists(image)) {
      return;
    }
    if (!stacks.isPlatformMade(key)) {
      throw new BuildFailedException("The " + key + " stack image " + image + " is not on the Docker engine; pull "
          + "it there (docker pull " + image + ") or configure the " + key + " stack to an image that is.");
    }
    String parent = StackRecipes.parent(key);
    if (parent != null) {
      ensure(parent, log);
    }
    ReentrantLock lock = MAKING.computeIfAbsent(image, name -> new ReentrantLock());
    if (!lock.tryLock()) {
      log.accept("-----> Waiting for " + image + ", which another build is making");
      try {
        lock.lockInterruptibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BuildFailedException("The build was interrupted.", e);
      }
    }
    try {
      if (!exists(image)) {
        make(key, image, log);
      }
    } finally {
      lock.unlock();
    }
  }

  private void make(String key, String image, Consumer<String> log) throws BuildFailedException {
    log.accept("-----> Making stack image " + image + " (first build only)");
    long started = System.nanoTime();
    long startedAt = System.currentTimeMillis() / 1000;
    StepLog steps = StepLog.quiet(log);
    if (StackRecipes.parent(key) == null) {
      base.make(image, Map.of(STACK_LABEL, key), steps);
    } else {
      String dockerfile = StackRecipes.dockerfile(key, stacks).render(Map.of(STACK_LABEL, key));
      build.run(new ByteArrayInputStream(context(dockerfile)), "Dockerfile", image, Map.of(), steps);
      removeStageLeftovers(key, startedAt);
    }
    steps.note(String.format(Locale.ROOT, "Made %s in %.1f s", image, (System.nanoTime() - started) / 1e9));
  }

  private byte[] context(String dockerfile) throws BuildFailedException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("Dockerfile", dockerfile.getBytes(StandardCharsets.UTF_8));
    files.put(StackRecipes.CA_DIR + "README", "CA certificates the builder's host trusts besides Debian's.\n"
        .getBytes(StandardCharsets.UTF_8));
    try {
      if (caCertificates != null && Files.isDirectory(caCertificates)) {
        try (Stream<Path> found = Files.walk(caCertificates)) {
          for (Path cert : found.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".crt")).toList()) {
            files.put(StackRecipes.CA_DIR + caCertificates.relativize(cert).toString().replace('\\', '/'),
                Files.readAllBytes(cert));
          }
        }
      }
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      BuildContext.write(files, tar);
      return tar.toByteArray();
    } catch (IOException e) {
      throw new BuildFailedException("Could not prepare the stack's build context: " + e.getMessage(), e);
    }
  }

  /**
   * A multi-stage recipe leaves its earlier stages behind untagged: those made since {@code since} (seconds) that are
   * not an app's (labelled with it) are the ones.
   */
  private void removeStageLeftovers(String key, long since) {
    for (Image left : docker.listImagesCmd().withDanglingFilter(true).withLabelFilter(Map.of(STACK_LABEL, key))
        .exec()) {
      boolean apps = left.getLabels() != null && left.getLabels().containsKey(ImageBuilder.APP_LABEL);
      if (!apps && left.getCreated() >= since) {
        try {
          docker.removeImageCmd(left.getId()).exec();
        } catch (RuntimeException e) {
          // in use by a build that started meanwhile: it stays, harmless
        }
      }
    }
  }

  private boolean exists(String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
