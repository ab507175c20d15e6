package io.paas.controller.cluster;

import io.paas.controller.scheduler.Host;
import java.time.Instant;

/** A registered agent: its capacity, whether it still heartbeats, and the generation of its assignments. */
public record AgentRecord(long id, String name, long memoryBytes, double cpus, String state, Instant lastHeartbeat,
                          long generation) {
  public static final String UP = "up";
  public static final String LOST = "lost";

  public boolean alive() {
    return UP.equals(state);
  }

  /** As the scheduler sees it; hosts are known by agent id. */
  public Host host() {
    return new Host(String.valueOf(id), memoryBytes, cpus, alive());
  }
}
