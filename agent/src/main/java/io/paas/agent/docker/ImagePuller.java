package io.paas.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.concurrent.TimeUnit;

/**
 * Makes sure a release's image is on this host before a container is made from it: images the builder pushed to
 * the platform's registry ({@code 127.0.0.1:5001/paas/app:build-3}) are pulled from it when missing. A name with
 * no registry host is never pulled: there is no public registry to ask, and the engine's own error says enough.
 */
final class ImagePuller {
  private static final long PULL_TIMEOUT_MINUTES = 10;

  private final DockerClient docker;

  ImagePuller(DockerClient docker) {
    this.docker = docker;
  }

  void ensure(String image) {
    if (!fromRegistry(image) || present(image)) {
      return;
    }
    try {
      if (!docker.pullImageCmd(image).start().awaitCompletion(PULL_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new IllegalStateException("Pulling " + image + " took over " + PULL_TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while pulling " + image, e);
    } catch (RuntimeException e) {
      throw new IllegalStateException("Cannot pull " + image + ": " + e.getMessage(), e);
    }
  }

  /** Docker's rule: the first path component names a registry when it has a dot or a port. */
  static boolean fromRegistry(String image) {
    int slash = image.indexOf('/');
    if (slash < 0) {
      return false;
    }
    String first = image.substring(0, slash);
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  private boolean present(String image) {
    try {
      docker.inspectImageCmd(image).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
