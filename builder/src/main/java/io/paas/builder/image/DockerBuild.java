package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import io.paas.builder.BuildFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** One {@code docker build} within the build limits, its output going to a step log. Nothing is pulled. */
final class DockerBuild {
  private static final long TIMEOUT_MINUTES = 30;

  private final DockerClient docker;
  private final BuildLimits limits;

  DockerBuild(DockerClient docker, BuildLimits limits) {
    this.docker = docker;
    this.limits = limits;
  }

  /** Builds the context with the Dockerfile at {@code dockerfile} in it, tags the image and returns its id. */
  String run(InputStream context, String dockerfile, String tag, Map<String, String> labels, StepLog log)
      throws BuildFailedException {
    BuildOutput output = new BuildOutput(log);
    try {
      BuildImageCmd build = docker.buildImageCmd(context)
          .withDockerfilePath(dockerfile)
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
      if (!output.awaitCompletion(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new BuildFailedException("The build took longer than " + TIMEOUT_MINUTES + " minutes.");
      }
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

  private static void closeQuietly(BuildOutput output) {
    try {
      output.close();
    } catch (IOException e) {
      // the stream is finished either way
    }
  }
}
