package io.paas.controller.server;

import io.paas.agent.Agent;
import io.paas.agent.docker.DockerDynoRuntime;
import io.paas.agent.remote.RemoteAgent;
import io.paas.common.DockerClients;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code paas-server agent}: runs dynos on this host for a controller elsewhere. It dials out, so the host needs no
 * open port but its dynos'; it manages only containers labeled with its name.
 */
@Command(name = "agent", mixinStandardHelpOptions = true, description = "Runs dynos on this host for a controller.")
final class AgentCommand implements Callable<Integer> {
  @Option(names = "--controller", required = true, description = "The controller's API URL.")
  String controller;

  @Option(names = "--token", required = true, description = "The cluster token (the controller's agent-token).")
  String token;

  @Option(names = "--name", description = "This host's name among the agents (default: the hostname).")
  String name;

  @Option(names = "--memory", description = "Memory offered to dynos, e.g. 8g or 2048m (default: this machine's "
      + "less 2 GB).")
  String memory;

  @Option(names = "--cpus", description = "CPUs offered to dynos (default: 8 per core).")
  Double cpus;

  @Option(names = "--reconcile-seconds", description = "How often dynos are checked against the assignments "
      + "(default: ${DEFAULT-VALUE}).")
  long reconcileSeconds = 10;

  @Override
  public Integer call() throws Exception {
    String host = name != null ? name : InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
    Vertx vertx = Vertx.vertx();
    RemoteAgent.start(vertx, new DockerDynoRuntime(DockerClients.connect(), host), Agent.DEFAULT_HEALTH_TIMEOUT,
        controller, token, host, memory == null ? HostCapacity.memoryBytes() : bytes(memory),
        cpus != null ? cpus : HostCapacity.cpus(), Duration.ofSeconds(reconcileSeconds))
        .onSuccess(v -> System.out.println("paas agent " + host + " ready: controller " + controller));
    Thread.currentThread().join();
    return 0;
  }

  /** {@code 8g}, {@code 512m}, or a number of MB. */
  static long bytes(String size) {
    String s = size.trim().toLowerCase(Locale.ROOT);
    long unit = s.matches(".*gb?") ? 1024L * 1024 * 1024 : 1024L * 1024;
    return Long.parseLong(s.replaceAll("[gm]b?$", "")) * unit;
  }
}
