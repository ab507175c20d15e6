package io.paas.agent;

import static org.assertj.core.api.Assertions.fail;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import io.paas.agent.docker.DockerDynoRuntime;
import io.paas.common.DockerClients;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The real engine for tests: checks that the test image exists, hands out unique agent names, and removes every
 * container labeled with one of them when closed (call it from {@code @AfterEach}, so failures clean up too).
 */
final class TestDocker implements AutoCloseable {
  static final String IMAGE = "paas/busybox:latest";
  static final long MEMORY = 64L * 1024 * 1024;
  /** Short, so tests that stop dynos which ignore SIGTERM stay quick. */
  static final Duration STOP_GRACE = Duration.ofSeconds(2);
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  final DockerClient docker = DockerClients.connect();
  private final List<String> agentNames = new ArrayList<>();
  private final List<String> images = new ArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  TestDocker() {
    try {
      docker.inspectImageCmd(IMAGE).exec();
    } catch (NotFoundException e) {
      fail(IMAGE + " is missing; make it with scripts/busybox-image (in the repository root), there is no registry");
    }
  }

  String newAgentName() {
    String name = "test-" + UUID.randomUUID().toString().substring(0, 8);
    agentNames.add(name);
    return name;
  }

  DockerDynoRuntime runtime(String agentName) {
    return new DockerDynoRuntime(docker, agentName, STOP_GRACE);
  }

  /** A web dyno that serves {@code body} at / with busybox httpd on $PORT, from /tmp: the dyno's user may write there. */
  static DynoSpec web(String app, int release, String body) {
    return spec(app, "web.1", release,
        "mkdir -p /tmp/www && echo " + body + " > /tmp/www/index.html && exec httpd -f -p $PORT -h /tmp/www");
  }

  static DynoSpec spec(String app, String name, int release, String command) {
    return new DynoSpec(app, name, release, IMAGE, command, Map.of("GREETING", "hello"), MEMORY);
  }

  /** An image of the test image whose Dockerfile says {@code USER user}; removed when closed. */
  String imageWithUser(String user) throws IOException {
    Path context = Files.createTempDirectory("paas-user-image");
    Path dockerfile = context.resolve("Dockerfile");
    try {
      Files.writeString(dockerfile, "FROM " + IMAGE + "\nUSER " + user + "\n");
      String tag = "paas-test/user:" + UUID.randomUUID().toString().substring(0, 8);
      images.add(tag);
      docker.buildImageCmd(context.toFile()).withTags(Set.of(tag)).withPull(false).start().awaitImageId();
      return tag;
    } finally {
      Files.deleteIfExists(dockerfile);
      Files.delete(context);
    }
  }

  /** The host's address on a network: its bridge's gateway. */
  String gateway(String network) {
    return docker.inspectNetworkCmd().withNetworkId(network).exec().getIpam().getConfig().get(0).getGateway();
  }

  InspectContainerResponse inspect(String containerId) {
    return docker.inspectContainerCmd(containerId).exec();
  }

  boolean exists(String containerId) {
    try {
      docker.inspectContainerCmd(containerId).exec();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  boolean running(String containerId) {
    return exists(containerId) && Boolean.TRUE.equals(inspect(containerId).getState().getRunning());
  }

  /** GET http://127.0.0.1:port/ once. */
  HttpResponse<String> get(int port) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** GET until the dyno answers 200, for dynos started without the agent's health check. */
  String getWhenUp(int port) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (true) {
      try {
        HttpResponse<String> response = get(port);
        if (response.statusCode() == 200) {
          return response.body();
        }
      } catch (IOException notYet) {
        // The proxy accepts before httpd listens; retry until the deadline.
      }
      if (System.nanoTime() - deadline > 0) {
        return fail("127.0.0.1:" + port + " did not answer 200 within " + DEADLINE);
      }
      Thread.sleep(100);
    }
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("Timed out waiting until " + what);
      }
      Thread.sleep(100);
    }
  }

  /** Every container labeled with the agent's name, dyno or one-off, running or not. */
  List<Container> containersOf(String agentName) {
    return docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("paas.agent", agentName)).exec();
  }

  @Override
  public void close() {
    for (String agentName : agentNames) {
      for (Container c : containersOf(agentName)) {
        try {
          docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec();
        } catch (NotFoundException alreadyGone) {
          // The test removed it itself.
        }
      }
    }
    for (String image : images) {
      docker.removeImageCmd(image).withForce(true).exec();
    }
    // After every container, since agents of one test share an app's network.
    for (String agentName : agentNames) {
      for (Network network : docker.listNetworksCmd().withFilter("label", List.of("paas.agent=" + agentName)).exec()) {
        docker.removeNetworkCmd(network.getId()).exec();
      }
    }
  }
}
