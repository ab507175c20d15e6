package io.paas.builder.image;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;

/** Removing an image the platform made, by id or tag, whatever tags it has. */
final class ImageRemoval {
  private ImageRemoval() {
  }

  /**
   * Removes the image even if tagged or used by a stopped container; one already gone is what was wanted. Fails with
   * a {@link com.github.dockerjava.api.exception.ConflictException} while a child image or a running container needs
   * it.
   */
  static void forced(DockerClient docker, String image) {
    try {
      docker.removeImageCmd(image).withForce(true).exec();
    } catch (NotFoundException gone) {
      // what we wanted
    }
  }
}
