package io.paas.controller.cluster;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import java.util.Comparator;
import java.util.List;

/** Where one-off dynos run: the live agent with the most memory not yet placed. */
public final class AgentChooser {
  private final AgentStore agents;
  private final PlacementStore placements;

  public AgentChooser(AgentStore agents, PlacementStore placements) {
    this.agents = agents;
    this.placements = placements;
  }

  /** Placements do not carry their size here: each counts as a standard dyno, which is close enough to rank. */
  public Future<Long> forOneOff(long dynoMemory) {
    return Future.all(agents.all(), placements.all()).map(both -> {
      List<AgentRecord> all = both.resultAt(0);
      List<PlacementStore.Placed> placed = both.resultAt(1);
      return all.stream().filter(AgentRecord::alive)
          .max(Comparator.comparingLong(a -> a.memoryBytes()
              - dynoMemory * placed.stream().filter(p -> p.agentId() == a.id()).count()))
          .map(AgentRecord::id)
          .orElseThrow(() -> ApiException.invalid("No agent is up to run the dyno on."));
    });
  }
}
