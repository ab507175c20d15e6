package io.paas.builder.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paas.common.DockerClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bootstraps a base stack as the builder does on a machine without one (a debootstrap: about 40 s, as root), even
 * where the stacks already exist and the push tests would not need to.
 */
class BaseImageTest {
  @Test
  void bootstrapsDebianAndImportsItAsAnImage() throws Exception {
    DockerClient docker = DockerClients.connect();
    String image = "paas/test-base:" + UUID.randomUUID().toString().substring(0, 8);
    List<String> log = new ArrayList<>();
    try {
      new BaseImage(new DockerBuild(docker, BuildLimits.DEFAULT), BaseImage.hostMirror())
          .make(image, Map.of(), StepLog.quiet(log::add));

      assertThat(log.get(0)).startsWith("       Bootstrapping Debian bookworm from http");
      assertThat(docker.inspectImageCmd(image).exec().getSize()).isBetween(50_000_000L, 150_000_000L);
    } finally {
      try {
        docker.removeImageCmd(image).withForce(true).exec();
      } catch (NotFoundException e) {
        // never made: the failure above says why
      }
    }
  }
}
