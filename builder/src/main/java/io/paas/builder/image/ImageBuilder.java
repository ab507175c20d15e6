package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import io.paas.builder.BuildFailedException;
import io.paas.builder.BuildResult;
import io.paas.builder.plan.BuildPlan;
import io.paas.builder.plan.Dockerfile;
import io.paas.builder.plan.ImageReferences;
import io.paas.builder.plan.Planner;
import io.paas.builder.plan.SourceTree;
import io.paas.builder.plan.Stacks;
import io.paas.common.Printable;
import io.paas.common.network.AppNetworks;
import io.paas.common.network.SubnetRange;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * Builds an app's image from a pushed commit: detects what the project is, plans its build, makes the stacks it
 * needs, builds it with the Docker engine and says which process types it has. Also removes an app's images.
 */
public final class ImageBuilder {
  /** The label every image built for an app carries, so they can be found again without knowing their tags. */
  public static final String APP_LABEL = "paas.app";
  private static final Path HOST_CA_CERTIFICATES = Path.of("/usr/local/share/ca-certificates");
  private static final String DOCKERIGNORE = ".dockerignore";
  private static final String INDENT = StepLog.INDENT;

  private final DockerClient docker;
  private final Stacks stacks;
  private final AppNetworks networks;
  private final DockerBuild dockerBuild;
  private final StackMaker stackMaker;

  /** Builds on the default stacks, each app's on its network in the default app range. */
  public ImageBuilder(DockerClient docker) {
    this(docker, BuildLimits.DEFAULT, Stacks.defaults(),
        new AppNetworks(docker, SubnetRange.parse(SubnetRange.DEFAULT), Map.of()));
  }

  /**
   * Builds on {@code stacks}. Missing platform-made stacks are made from Debian's mirror (PAAS_DEBIAN_MIRROR, else the
   * host's) and trust the CA certificates the host added in /usr/local/share/ca-certificates. An app's build runs on
   * the app's own network from {@code networks}: the host firewall treats it as the app's dynos, it meets no other
   * tenant's build or dyno, and it reaches package mirrors through Docker's NAT as any container does.
   */
  public ImageBuilder(DockerClient docker, BuildLimits limits, Stacks stacks, AppNetworks networks) {
    this.docker = docker;
    this.stacks = stacks;
    this.networks = networks;
    this.dockerBuild = new DockerBuild(docker, limits);
    this.stackMaker = new StackMaker(docker, dockerBuild, stacks, new BaseImage(dockerBuild, BaseImage.hostMirror()),
        HOST_CA_CERTIFICATES);
  }

  private static String imageName(String app, long buildId) {
    return "paas/" + app + ":build-" + buildId;
  }

  /**
   * Builds the commit and returns the image with its process types and release command. Blocks until the build
   * ends; every build log line goes to {@code log} as it comes. Nothing is pulled: the stacks are made or are there.
   */
  public BuildResult build(String app, long buildId, Repository repo, ObjectId commit, Consumer<String> log)
      throws BuildFailedException {
    long started = System.nanoTime();
    CommitTree tree;
    BuildPlan plan;
    try {
      tree = CommitTree.read(repo, commit);
      plan = Planner.plan(tree, stacks);
    } catch (IOException | UncheckedIOException e) {
      throw new BuildFailedException("Could not read the pushed commit: " + e.getMessage(), e);
    }
    log.accept("-----> " + plan.detected());
    refuseOtherAppsImages(app, tree);
    stackMaker.ensure(plan.stacks(), log);
    String image = imageName(app, buildId);
    buildImage(app, image, tree, plan, StepLog.verbose(log));
    logProcessTypes(plan, log);
    removeOlderStageImages(app);
    log.accept(String.format(Locale.ROOT, "-----> Image size: %.1f MB (built in %.1f s)",
        docker.inspectImageCmd(image).exec().getSize() / 1e6, (System.nanoTime() - started) / 1e9));
    return new BuildResult(image, plan.processTypes(), plan.releaseCommand());
  }

  /**
   * One tenant's Dockerfile may not start from, or copy out of, an image another app's build made: it would hold
   * that app's code. Stacks and images from registries carry no app label and pass.
   */
  private void refuseOtherAppsImages(String app, SourceTree tree) throws BuildFailedException {
    for (String reference : ImageReferences.of(tree)) {
      if (reference.contains("$")) {
        throw new BuildFailedException(Printable.of(reference) + " names its image with a build arg that has no "
            + "default; give the ARG a default value.");
      }
      String owner;
      try {
        Map<String, String> labels = docker.inspectImageCmd(reference).exec().getConfig().getLabels();
        owner = labels == null ? null : labels.get(APP_LABEL);
      } catch (NotFoundException | IllegalArgumentException notHere) {
        continue;
      }
      if (owner != null && !owner.equals(app)) {
        throw new BuildFailedException(Printable.of(reference) + " is another app's image; build from a stack "
            + "image, a registry's image or this app's own.");
      }
    }
  }

  /** Removes every image built for the app, whatever it is tagged; images already gone are fine. */
  public void removeImages(String app) {
    // Tagged builds, and the untagged images earlier stages and failed builds left.
    removeParentsLast(docker.listImagesCmd().withLabelFilter(Map.of(APP_LABEL, app)).exec());
    // Anything still tagged as a build of the app but not labelled (tagged by hand, or by an older builder).
    for (Image image : docker.listImagesCmd().withReferenceFilter("paas/" + app).exec()) {
      if (image.getRepoTags() != null) {
        for (String tag : image.getRepoTags()) {
          if (tag.startsWith("paas/" + app + ":build-")) {
            ImageRemoval.forced(docker, tag);
          }
        }
      }
    }
  }

  private void buildImage(String app, String image, CommitTree tree, BuildPlan plan, StepLog log)
      throws BuildFailedException {
    Map<String, byte[]> generated = new LinkedHashMap<>();
    String dockerfilePath = "Dockerfile";
    // The engine adds a step that labels the last stage; a generated Dockerfile labels each stage itself.
    Map<String, String> labels = Map.of(APP_LABEL, app);
    if (plan.dockerfile() != null) {
      labels = Map.of();
      dockerfilePath = Dockerfile.CONTEXT_NAME;
      generated.put(dockerfilePath, plan.dockerfile().render(Map.of(APP_LABEL, app))
          .getBytes(StandardCharsets.UTF_8));
      // The engine drops the files .dockerignore lists as the Dockerfile or itself: neither lands in the image.
      generated.put(DOCKERIGNORE, (Dockerfile.CONTEXT_NAME + "\n" + DOCKERIGNORE + "\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    Path context = null;
    try {
      // A file rather than a pipe: the context is written before the engine reads it, with no second thread.
      context = Files.createTempFile("paas-build-", ".tar");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(context))) {
        BuildContext.write(tree, generated, out);
      }
      try (InputStream in = Files.newInputStream(context)) {
        dockerBuild.run(in, dockerfilePath, image, labels, networks.ensure(app).name(), log);
      }
    } catch (IOException e) {
      throw new BuildFailedException("Could not prepare the build context: " + e.getMessage(), e);
    } finally {
      deleteQuietly(context);
    }
  }

  /** Heroku's wording: what the Procfile declares, then the plan's defaults it left in place. */
  private static void logProcessTypes(BuildPlan plan, Consumer<String> log) {
    log.accept("-----> Discovering process types");
    List<String> declared = plan.procfile().names();
    log.accept(INDENT + "Procfile declares types -> " + (declared.isEmpty() ? "(none)" : String.join(", ", declared)));
    List<String> defaults = plan.defaultTypes().keySet().stream()
        .filter(type -> !plan.procfile().declares(type))
        .toList();
    if (!defaults.isEmpty()) {
      log.accept(INDENT + "Default types for " + plan.name() + " -> " + String.join(", ", defaults));
    } else if (plan.processTypes().isEmpty() && plan.dockerfile() == null) {
      log.accept(INDENT + "web runs the image's own command");
    }
  }

  /**
   * An earlier stage's last image is left untagged, and is the next build's cache: keep the newest, drop the ones
   * older builds left (their layers still in use stay).
   */
  private void removeOlderStageImages(String app) {
    List<Image> left = docker.listImagesCmd().withDanglingFilter(true).withLabelFilter(Map.of(APP_LABEL, app))
        .exec().stream()
        .sorted(Comparator.comparing(Image::getCreated).reversed())
        .toList();
    left.stream().skip(1).forEach(image -> ImageRemoval.forced(docker, image.getId()));
  }

  /**
   * A build that reused an earlier build's layers made a child of that image, and the engine refuses, even forced, to
   * remove an image with children. Newest first removes children before their parents; creation times are whole
   * seconds, so an image refused for that is tried again after the others, as long as each pass removes something.
   */
  private void removeParentsLast(List<Image> images) {
    List<String> left = images.stream().sorted(Comparator.comparing(Image::getCreated).reversed())
        .map(Image::getId).toList();
    while (!left.isEmpty()) {
      List<String> refused = new ArrayList<>();
      ConflictException last = null;
      for (String id : left) {
        try {
          ImageRemoval.forced(docker, id);
        } catch (ConflictException e) {
          refused.add(id);
          last = e;
        }
      }
      if (refused.size() == left.size()) {
        throw last;
      }
      left = refused;
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
