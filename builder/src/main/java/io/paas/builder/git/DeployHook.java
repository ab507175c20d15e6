package io.paas.builder.git;

import io.paas.builder.BuildFailedException;
import io.paas.builder.BuildResult;
import io.paas.builder.ControllerPort;
import io.paas.builder.Pusher;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.registry.ImagePublisher;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.transport.PreReceiveHook;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceiveCommand.Result;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * Deploys a push before any ref moves, so a failed build or release leaves the branch, and what serves, as it was:
 * takes only main or master, builds the pushed commit, records the build, releases the image, and streams it all
 * back as {@code remote:} lines. Runs on a worker thread; waiting on the controller here is fine.
 */
final class DeployHook implements PreReceiveHook, AutoCloseable {
  private static final Set<String> DEPLOY_BRANCHES = Set.of("refs/heads/main", "refs/heads/master");
  private static final long CONTROLLER_TIMEOUT_SECONDS = 30;
  private static final long RELEASE_TIMEOUT_MINUTES = 15;

  private final String app;
  private final Pusher pusher;
  private final ImageBuilder images;
  private final ControllerPort controller;
  private final Set<String> deploying;
  private final Optional<ImagePublisher> registry;
  private boolean holdsDeploy;

  /**
   * {@code deploying} holds the apps with a deploy under way, shared by all pushes; a built image goes to the
   * {@code registry}, when there is one, so agents on other hosts can pull it.
   */
  DeployHook(String app, Pusher pusher, ImageBuilder images, ControllerPort controller, Set<String> deploying,
             Optional<ImagePublisher> registry) {
    this.app = app;
    this.pusher = pusher;
    this.images = images;
    this.controller = controller;
    this.deploying = deploying;
    this.registry = registry;
  }

  @Override
  public void onPreReceive(ReceivePack rp, Collection<ReceiveCommand> commands) {
    ReceiveCommand deploy = null;
    for (ReceiveCommand cmd : commands) {
      if (!DEPLOY_BRANCHES.contains(cmd.getRefName())) {
        cmd.setResult(Result.REJECTED_OTHER_REASON, "push to main or master; other refs are not deployed");
      } else if (cmd.getType() == ReceiveCommand.Type.DELETE) {
        cmd.setResult(Result.REJECTED_OTHER_REASON, "the deployed branch cannot be deleted");
      } else if (deploy != null) {
        cmd.setResult(Result.REJECTED_OTHER_REASON, "push main or master, not both at once");
      } else {
        deploy = cmd;
      }
    }
    if (deploy == null) {
      return;
    }
    // Held until the ref has moved (close()), so a second push sees the new ref or is turned away, never interleaves.
    if (!deploying.add(app)) {
      deploy.setResult(Result.REJECTED_OTHER_REASON,
          "another push to " + app + " is deploying; push again when it ends");
      return;
    }
    holdsDeploy = true;
    RemoteConsole console = new RemoteConsole(rp);
    try {
      deploy(rp, deploy, console);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reject(deploy, console, "deploy interrupted", "The deploy was interrupted.");
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      reject(deploy, console, "deploy failed", "Deploy failed: " + reason(e));
    }
  }

  /** Lets the next push to the app deploy. */
  @Override
  public void close() {
    if (holdsDeploy) {
      deploying.remove(app);
    }
  }

  private void deploy(ReceivePack rp, ReceiveCommand cmd, RemoteConsole console)
      throws InterruptedException, ExecutionException, TimeoutException {
    ObjectId commit = cmd.getNewId();
    // Recorded before the banner, so a build the controller refuses (a quota) ends the push with its reason alone.
    long buildId = await(controller.buildStarted(app, pusher, commit.name()));
    console.say("-----> Building " + app + " from commit " + commit.abbreviate(7).name());
    BuildResult build;
    try {
      build = publish(images.build(app, buildId, rp.getRepository(), commit, console::say), console);
    } catch (BuildFailedException e) {
      console.say("-----> Build failed: " + e.getMessage());
      await(controller.buildFinished(buildId, "failed", null, console.transcript()));
      cmd.setResult(Result.REJECTED_OTHER_REASON, "build failed");
      return;
    }
    console.say("-----> Build succeeded: " + build.image());
    await(controller.buildFinished(buildId, "succeeded", build.image(), console.transcript()));
    release(cmd, buildId, build, console);
  }

  private BuildResult publish(BuildResult built, RemoteConsole console) throws BuildFailedException {
    if (registry.isEmpty()) {
      return built;
    }
    try {
      String pushed = registry.get().publish(built.image(), console::say);
      return new BuildResult(pushed, built.processTypes(), built.releaseCommand());
    } catch (RuntimeException e) {
      throw new BuildFailedException("Could not push the image to the registry: " + e.getMessage(), e);
    }
  }

  /** Relays the controller's progress lines until the release ends; a failed release rejects the ref. */
  private void release(ReceiveCommand cmd, long buildId, BuildResult build, RemoteConsole console)
      throws InterruptedException {
    // The controller reports from its own threads, often the event loop, which must never wait on the pusher's
    // socket: lines are queued and written from here. An empty entry marks the end of the release.
    BlockingQueue<Optional<String>> lines = new LinkedBlockingQueue<>();
    Future<String> release = controller.release(app, buildId, build, pusher, line -> lines.add(Optional.of(line)));
    release.onComplete(ar -> lines.add(Optional.empty()));
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(RELEASE_TIMEOUT_MINUTES);
    Optional<String> line;
    while ((line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null && line.isPresent()) {
      console.say(line.get());
    }
    if (line == null) {
      reject(cmd, console, "release timed out",
          "Release failed: not serving after " + RELEASE_TIMEOUT_MINUTES + " minutes.");
    } else if (release.failed()) {
      reject(cmd, console, "release failed: " + release.cause().getMessage(),
          "Release failed: " + release.cause().getMessage());
    }
  }

  private static void reject(ReceiveCommand cmd, RemoteConsole console, String reason, String explanation) {
    console.say("-----> " + explanation);
    cmd.setResult(Result.REJECTED_OTHER_REASON, reason);
  }

  private static String reason(Exception e) {
    if (e instanceof TimeoutException) {
      return "the controller did not answer in time";
    }
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException, TimeoutException {
    return future.toCompletionStage().toCompletableFuture().get(CONTROLLER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
