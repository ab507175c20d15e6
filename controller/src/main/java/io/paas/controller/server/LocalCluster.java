package io.paas.controller.server;

import io.paas.controller.deploy.Cluster;
import io.paas.controller.scheduler.Host;
import java.util.List;

/** The all-in-one server's cluster: the one in-process agent, always up. */
final class LocalCluster implements Cluster {
  private final Host host;

  LocalCluster(String agentName, long memoryBytes, double cpus) {
    this.host = new Host(agentName, memoryBytes, cpus, true);
  }

  @Override
  public List<Host> hosts() {
    return List.of(host);
  }
}
