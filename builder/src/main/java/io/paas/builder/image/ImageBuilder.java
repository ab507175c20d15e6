package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.paas.builder.BuildFailedException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/** Builds an app's image from a pushed commit with the Docker engine, and removes an app's images. */
public final class ImageBuilder {
  /** The label every image built for an app carries, so they can be found again without knowing their tags. */
  public static final String APP_LABEL = "paas.app";
  private static final long BUILD_TIMEOUT_MINUTES = 30;

  private final DockerClient docker;
  private final BuildLimits limits;

  public ImageBuilder(DockerClient docker) {
    this(docker, BuildLimits.DEFAULT);
  }

  public ImageBuilder(DockerClient docker, BuildLimits limits) {
    this.docker = docker;
    this.limits = limits;
  }

  private static String imageName(String app, long buildId) {
    return "paas/" + app + ":build-" + buildId;
  }

  /**
   * Builds the commit's tree with the Dockerfile at its root and returns the image name. Blocks until the build ends;
   * every output line goes to {@code log} as it comes. Base images must already be on the engine: nothing is pulled.
   */
  public String build(String app, long buildId, Repository repo, ObjectId commit, Consumer<String> log)
      throws BuildFailedException {
    String image = imageName(app, buildId);
    Path context = null;
    try {
      // A file rather than a pipe: the context is written before the engine reads it, with no second thread.
      context = Files.createTempFile("paas-build-", ".tar");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(context))) {
        BuildContext.write(repo, commit, out);
      }
      try (InputStream in = Files.newInputStream(context)) {
        return runBuild(app, image, in, log);
      }
    } catch (IOException e) {
      throw new BuildFailedException("Could not prepare the build context: " + e.getMessage(), e);
    } finally {
      deleteQuietly(context);
    }
  }

  /** Removes every image built for the app, whatever it is tagged; images already gone are fine. */
  public void removeImages(String app) {
    for (Image image : docker.listImagesCmd().withLabelFilter(Map.of(APP_LABEL, app)).exec()) {
      remove(image.getId());
    }
    // Anything still tagged with the app's name but not labelled (tagged by hand, or by an older builder).
    for (Image image : docker.listImagesCmd().withReferenceFilter("paas/" + app).exec()) {
      if (image.getRepoTags() != null) {
        for (String tag : image.getRepoTags()) {
          if (tag.startsWith("paas/" + app + ":")) {
            remove(tag);
          }
        }
      }
    }
  }

  private String runBuild(String app, String image, InputStream context, Consumer<String> log)
      throws BuildFailedException {
    BuildOutput output = new BuildOutput(log);
    try {
      docker.buildImageCmd(context)
          .withTags(Set.of(image))
          .withLabels(Map.of(APP_LABEL, app))
          .withPull(false)
          .withRemove(true)
          .withForcerm(true) // no containers left behind by a failing step
          .withMemory(limits.memoryBytes())
          .withMemswap(limits.memoryBytes())
          .withCpushares(Integer.toString(limits.cpuShares()))
          .exec(output);
      if (!output.awaitCompletion(BUILD_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        throw new BuildFailedException("The build took longer than " + BUILD_TIMEOUT_MINUTES + " minutes.");
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
      throw new BuildFailedException(output.error());
    }
    if (output.imageId() == null) {
      throw new BuildFailedException("The Docker engine ended the build without an image.");
    }
    return image;
  }

  private void remove(String image) {
    try {
      docker.removeImageCmd(image).withForce(true).exec();
    } catch (NotFoundException e) {
      // already gone: what we wanted
    }
  }

  private static void closeQuietly(BuildOutput output) {
    try {
      output.close();
    } catch (IOException e) {
      // the stream is finished either way
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      file.toFile().deleteOnExit();
    }
  }
}
