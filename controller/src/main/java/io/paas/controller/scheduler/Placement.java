package io.paas.controller.scheduler;

import java.util.Objects;

/** Dyno {@code name} of {@code app} runs on the agent {@code hostId}. */
public record Placement(String app, String name, String hostId) {
  public Placement {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(hostId, "hostId");
  }
}
