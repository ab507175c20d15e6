package io.paas.builder;

import io.vertx.core.Future;
import java.util.function.Consumer;

/**
 * What the builder needs from the controller. In the all-in-one server this is an in-process call; a builder on
 * its own host would implement it over the Platform API.
 */
public interface ControllerPort {
  /**
   * The user the token belongs to, pushing from {@code address}, if they may push to the app; else fails with
   * ApiException 401 (no such token), 403 (may see the app but not push to it) or 404 (no such app, or none of
   * theirs).
   */
  Future<Pusher> authorize(String token, String app, String address);

  /** Records a build of the commit and returns its id; fails with the reason when the build may not start. */
  Future<Long> buildStarted(String app, Pusher pusher, String commit);

  /** Records how the build ended ({@code succeeded} or {@code failed}), the image (null on failure) and its log. */
  Future<Void> buildFinished(long buildId, String status, String image, String output);

  /**
   * Creates a release of the built image and rolls it out, running its release command first if it has one;
   * completes with its name ({@code v3}) once the new dynos serve, or fails with the reason (the previous release
   * keeps serving). Progress lines go to {@code progress}.
   */
  Future<String> release(String app, long buildId, BuildResult build, Pusher pusher, Consumer<String> progress);
}
