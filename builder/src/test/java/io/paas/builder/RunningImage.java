package io.paas.builder;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A built image run as the agent runs a process type ({@code sh -c COMMAND}, PORT=5000), published on 127.0.0.1. */
final class RunningImage implements AutoCloseable {
  private static final ExposedPort WEB = ExposedPort.tcp(5000);
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final DockerClient docker;
  private final String containerId;
  private final int port;

  RunningImage(DockerClient docker, String image, String command) {
    this.docker = docker;
    this.containerId = docker.createContainerCmd(image)
        .withCmd("sh", "-c", command)
        .withEnv("PORT=5000")
        .withExposedPorts(WEB)
        .withHostConfig(HostConfig.newHostConfig()
            .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), WEB))
            .withInit(true))
        .exec().getId();
    docker.startContainerCmd(containerId).exec();
    Ports.Binding[] bindings = docker.inspectContainerCmd(containerId).exec().getNetworkSettings().getPorts()
        .getBindings().get(WEB);
    this.port = Integer.parseInt(bindings[0].getHostPortSpec());
  }

  /** The body of {@code GET path} once the app answers (docker-proxy accepts before it does), else fails. */
  HttpResponse<String> get(String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("The app never answered; its log:\n" + log(), e);
        }
        Thread.sleep(200);
      }
    }
  }

  private String log() throws InterruptedException {
    StringBuilder out = new StringBuilder();
    docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).exec(
        new ResultCallback.Adapter<Frame>() {
          @Override
          public void onNext(Frame frame) {
            out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
          }
        }).awaitCompletion();
    return out.toString();
  }

  @Override
  public void close() {
    docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
  }
}
