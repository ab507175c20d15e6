package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much disk one classic {@code docker build} holds, read from its own output and the engine: what each stage has
 * added to the image it started from (its newest image's size less its base's), plus what the step running now has
 * written (its container's writable layer). overlay2 on ext4 has no quota a build could be given
 * ({@code --storage-opt size} needs xfs with project quotas), so the build is measured instead and stopped when it
 * passes its limit.
 */
final class BuildDiskWatch implements Consumer<String> {
  private static final Pattern FROM = Pattern.compile("^Step \\d+/\\d+ : FROM\\s+(\\S+).*", Pattern.CASE_INSENSITIVE);
  private static final Pattern RUNNING = Pattern.compile("^ ---> Running in ([0-9a-f]{12,64})$");
  private static final Pattern IMAGE = Pattern.compile("^ ---> ([0-9a-f]{12,64})$");
  private static final String REMOVING = "Removing intermediate container";

  private final DockerClient docker;
  private final List<Stage> stages = new ArrayList<>();
  private final Map<String, Long> imageSizes = new ConcurrentHashMap<>();
  private final List<String> made = new ArrayList<>();
  private String running;

  BuildDiskWatch(DockerClient docker) {
    this.docker = docker;
  }

  /** One stage: the image it started from, and its newest image so far. Null base size: not seen yet. */
  private static final class Stage {
    Long baseSize;
    String latest;
  }

  /** Reads one line of the build's output. */
  @Override
  public synchronized void accept(String line) {
    Matcher from = FROM.matcher(line);
    Matcher image = IMAGE.matcher(line);
    Matcher step = RUNNING.matcher(line);
    if (from.matches()) {
      Stage stage = new Stage();
      stage.baseSize = "scratch".equalsIgnoreCase(from.group(1)) ? 0L : null;
      stages.add(stage);
    } else if (step.matches()) {
      running = step.group(1);
    } else if (line.startsWith(REMOVING)) {
      running = null;
    } else if (image.matches() && !stages.isEmpty()) {
      Stage stage = stages.get(stages.size() - 1);
      if (stage.baseSize == null) {
        stage.baseSize = imageSize(image.group(1));
      } else {
        stage.latest = image.group(1);
        made.add(image.group(1));
      }
    }
  }

  /** Bytes the build holds now; asks the engine, so call it now and then, not per line. */
  synchronized long bytesUsed() {
    long used = 0;
    for (Stage stage : stages) {
      if (stage.latest != null && stage.baseSize != null) {
        used += Math.max(0, imageSize(stage.latest) - stage.baseSize);
      }
    }
    return used + writtenByRunningStep();
  }

  /**
   * The images the steps of this build ended in (not the images its stages start from), newest first: a build stopped
   * for its disk gives them back too. Cached ones may belong to earlier builds: see {@code DockerBuild} for which go.
   */
  synchronized List<String> imagesMade() {
    List<String> newestFirst = new ArrayList<>(made);
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  /**
   * After the build was hung up on: waits (up to {@code limitMillis}) until the engine has removed the step's
   * container, which holds the images under it.
   */
  void awaitStepRemoved(long limitMillis) throws InterruptedException {
    String step;
    synchronized (this) {
      step = running;
    }
    long deadline = System.nanoTime() + limitMillis * 1_000_000;
    while (step != null && System.nanoTime() < deadline) {
      try {
        docker.inspectContainerCmd(step).exec();
      } catch (NotFoundException removed) {
        return;
      }
      Thread.sleep(100);
    }
  }

  private long writtenByRunningStep() {
    if (running == null) {
      return 0;
    }
    try {
      Long written = docker.inspectContainerCmd(running).withSize(true).exec().getSizeRw();
      return written == null ? 0 : written;
    } catch (NotFoundException stepEnded) {
      return 0;
    }
  }

  private long imageSize(String id) {
    return imageSizes.computeIfAbsent(id, image -> {
      try {
        Long size = docker.inspectImageCmd(image).exec().getSize();
        return size == null ? 0 : size;
      } catch (NotFoundException gone) {
        return 0L;
      }
    });
  }
}
