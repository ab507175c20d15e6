package io.paas.controller.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Throwaway containers and other docker commands, through the docker CLI, for tests of what containers reach. */
public final class ContainerRuns {
  public static final String IMAGE = "paas/busybox:latest";

  private ContainerRuns() {
  }

  /** What {@code sh -c script} prints, stdout and stderr, in a container on {@code network}; {@code args} are $0... */
  public static String output(String network, String script, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("run", "--rm", "--network", network, IMAGE, "sh", "-c", script));
    command.addAll(List.of(args));
    return run(command).output();
  }

  /**
   * Whether a container on {@code network} can open a TCP connection to {@code host:port} within 2 s. Once connected,
   * nc hands the connection to {@code true}, which closes it: servers that wait for the client cannot hold it.
   */
  public static String probe(String network, String host, int port) throws Exception {
    return output(network, "nc -w 2 " + host + " " + port + " -e true 2>/dev/null && echo open || echo closed")
        .strip();
  }

  /** {@code docker ARGS}'s output; fails the test unless it succeeds. */
  public static String docker(String... args) throws Exception {
    Result result = run(List.of(args));
    assertThat(result.status()).as("docker " + String.join(" ", args) + ": " + result.output()).isZero();
    return result.output();
  }

  private record Result(int status, String output) {
  }

  private static Result run(List<String> args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(args);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.waitFor(), output);
  }
}
