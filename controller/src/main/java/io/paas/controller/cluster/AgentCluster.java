package io.paas.controller.cluster;

import io.paas.controller.deploy.Cluster;
import io.paas.controller.scheduler.Host;
import io.vertx.core.Future;
import java.util.List;

/** The cluster as the agents table has it. */
public final class AgentCluster implements Cluster {
  private final AgentStore agents;

  public AgentCluster(AgentStore agents) {
    this.agents = agents;
  }

  @Override
  public Future<List<Host>> hosts() {
    return agents.all().map(all -> all.stream().map(AgentRecord::host).toList());
  }
}
