package io.paas.controller.scheduler;

import java.util.Objects;

/** An agent as the scheduler sees it: its capacity for dynos, and whether it still answers heartbeats. */
public record Host(String id, long memoryBytes, double cpus, boolean alive) {
  public Host {
    Objects.requireNonNull(id, "id");
    if (memoryBytes < 0 || cpus < 0) {
      throw new IllegalArgumentException("Negative capacity for host " + id);
    }
  }
}
