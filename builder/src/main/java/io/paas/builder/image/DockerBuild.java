package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paas.builder.BuildFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One {@code docker build} within the build limits, its output going to a step log. Nothing is pulled.
 *
 * <p>docker-java calls the engine's classic builder (the build API without {@code version=2}), not BuildKit, so a
 * Dockerfile cannot ask for more than an ordinary container gets: {@code RUN --security=insecure} and {@code RUN
 * --network=host} are parse errors there, never entitlements to grant. RUN steps run as the image's user with Docker's
 * default capabilities and seccomp profile, never privileged, with no host paths, on the network the build names.
 */
final class DockerBuild {
  /** The engine's default bridge, for the platform's own recipes (stacks), which run no tenant code. */
  static final String DEFAULT_NETWORK = "default";
  private static final long TIMEOUT_MINUTES = 30;
  private static final long DISK_CHECK_MILLIS = 1000;
  private static final long STEP_REMOVAL_MILLIS = 10_000;

  private final DockerClient docker;
  private final BuildLimits limits;

  DockerBuild(DockerClient docker, BuildLimits limits) {
    this.docker = docker;
    this.limits = limits;
  }

  /**
   * A build of the platform's own recipe, on {@link #DEFAULT_NETWORK}; the disk limit is for tenants' builds; a stack
   * (a JDK, say) may well be larger.
   */
  String run(InputStream context, String dockerfile, String tag, Map<String, String> labels, StepLog log)
      throws BuildFailedException {
    return run(context, dockerfile, tag, labels, DEFAULT_NETWORK, Long.MAX_VALUE, log);
  }

  /**
   * Builds the context with the Dockerfile at {@code dockerfile} in it, its RUN steps on {@code network}, within the
   * build limits, tags the image and returns its id.
   */
  String run(InputStream context, String dockerfile, String tag, Map<String, String> labels, String network,
             StepLog log) throws BuildFailedException {
    return run(context, dockerfile, tag, labels, network, limits.diskBytes(), log);
  }

  private String run(InputStream context, String dockerfile, String tag, Map<String, String> labels, String network,
                     long diskLimit, StepLog log) throws BuildFailedException {
    BuildDiskWatch disk = new BuildDiskWatch(docker);
    BuildOutput output = new BuildOutput(disk.andThen(log));
    try {
      BuildImageCmd build = docker.buildImageCmd(context)
          .withDockerfilePath(dockerfile)
          .withNetworkMode(network)
          .withTags(Set.of(tag))
          .withLabels(labels)
          .withPull(false)
          .withRemove(true)
          .withForcerm(true) // no containers left behind by a failing step
          .withMemory(limits.memoryBytes())
          .withMemswap(limits.memoryBytes())
          .withCpushares(Integer.toString(limits.cpuShares()));
      if (limits.cpuSet() != null) {
        build.withCpusetcpus(limits.cpuSet());
      }
      build.exec(output);
      awaitWithinLimits(output, disk, diskLimit, log);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BuildFailedException("The build was interrupted.", e);
    } catch (RuntimeException e) {
      throw new BuildFailedException("The Docker engine failed the build: " + e.getMessage(), e);
    } finally {
      closeQuietly(output); // stops a build still running (timeout, interrupt): the engine cancels it
    }
    if (output.error() != null) {
      log.failed();
      throw new BuildFailedException(output.error());
    }
    if (output.imageId() == null) {
      log.failed();
      throw new BuildFailedException("The Docker engine ended the build without an image.");
    }
    log.succeeded();
    return output.imageId();
  }

  /**
   * Waits for the build, checking its disk every second; a build over a limit is stopped (the finally in
   * {@link #run} hangs up, and the engine kills and removes the step's container, which gives its disk back).
   */
  private void awaitWithinLimits(BuildOutput output, BuildDiskWatch disk, long diskLimit, StepLog log)
      throws InterruptedException, BuildFailedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
    boolean done;
    do {
      done = output.awaitEnd(DISK_CHECK_MILLIS, TimeUnit.MILLISECONDS);
      if (diskLimit < Long.MAX_VALUE && disk.bytesUsed() > diskLimit) {
        log.failed();
        giveBack(output, disk);
        throw new BuildFailedException("The build wrote more than " + (diskLimit >> 20)
            + " MB to disk, the most a build may use. Keep large files out of the image, or ask an operator for a "
            + "higher limit.");
      }
      if (!done && System.nanoTime() > deadline) {
        throw new BuildFailedException("The build took longer than " + TIMEOUT_MINUTES + " minutes.");
      }
    } while (!done);
    output.awaitCompletion(); // ended: this only raises the error the response failed with, if any
  }

  /** Stops a build over its disk limit and removes what it made, once its step's container is gone. */
  private void giveBack(BuildOutput output, BuildDiskWatch disk) throws InterruptedException {
    closeQuietly(output);
    disk.awaitStepRemoved(STEP_REMOVAL_MILLIS);
    if (output.imageId() != null) {
      ImageRemoval.forced(docker, output.imageId()); // a build that ended over the limit between two checks
    }
    disk.imagesMade().forEach(this::removeIfUnused);
  }

  /** Removes an untagged image nothing uses: a tag (an earlier release's), a child image or a container keep it. */
  private void removeIfUnused(String image) {
    try {
      List<String> tags = docker.inspectImageCmd(image).exec().getRepoTags();
      if (tags == null || tags.isEmpty()) {
        docker.removeImageCmd(image).withForce(false).exec();
      }
    } catch (NotFoundException | ConflictException inUse) {
      // gone already, or still needed
    }
  }

  private static void closeQuietly(BuildOutput output) {
    try {
      output.close();
    } catch (IOException e) {
      // the stream is finished either way
    }
  }
}
