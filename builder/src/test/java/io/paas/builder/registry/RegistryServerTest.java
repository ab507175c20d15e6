package io.paas.builder.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.paas.common.DockerClients;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform's registry, for real: Debian's docker-registry on a free loopback port, and the engine's push/pull. */
class RegistryServerTest {
  private final DockerClient docker = DockerClients.connect();
  private final List<String> images = new ArrayList<>();
  private RegistryServer registry;

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    registry = RegistryServer.start(dir, port);
  }

  @AfterEach
  void stop() {
    registry.close();
    for (String image : images) {
      try {
        docker.removeImageCmd(image).withForce(true).exec();
      } catch (NotFoundException e) {
        // already gone
      }
    }
  }

  @Test
  void anImagePushedToTheRegistryCanBePulledBackAfterTheLocalCopyIsGone() throws Exception {
    String local = "paas/registry-test-" + UUID.randomUUID().toString().substring(0, 8) + ":build-1";
    docker.tagImageCmd("paas/busybox:latest", local.substring(0, local.indexOf(':')), "build-1").exec();
    images.add(local);
    List<String> log = new ArrayList<>();

    String remote = new ImagePublisher(docker, registry.address()).publish(local, log::add);
    images.add(remote);

    assertThat(remote).isEqualTo(registry.address() + "/" + local);
    assertThat(log).singleElement().asString().startsWith("-----> Pushed to the registry " + registry.address());
    docker.removeImageCmd(remote).exec();
    docker.pullImageCmd(remote).start().awaitCompletion(60, TimeUnit.SECONDS);
    assertThat(docker.inspectImageCmd(remote).exec().getId())
        .isEqualTo(docker.inspectImageCmd("paas/busybox:latest").exec().getId());
  }

  @Test
  void aRegistryThatDiesIsStartedAgain() throws Exception {
    assertThat(registry.answers()).isTrue();
    registry.kill();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    boolean down = false;
    while (Instant.now().isBefore(deadline) && !(down && registry.answers())) {
      down |= !registry.answers();
      Thread.sleep(50);
    }
    assertThat(registry.answers()).as("answers again after being killed").isTrue();
  }
}
