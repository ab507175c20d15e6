package io.paas.agent;

import java.time.Instant;
import java.util.Comparator;

/**
 * One dyno as {@code paas ps} shows it: its state, how many times it crashed since its release started (or since it
 * last stayed up for the restart policy's cap), when it entered the state, and the container serving it, whose
 * fields are null (port 0) while none does: when starting, crashed or down. {@code memory} is its container's latest
 * sample, null until one is taken.
 */
public record DynoStatus(String app, String name, int release, String state, int restarts, Instant since,
                         String containerId, String host, int port, DynoMemory memory) {
  /** Its container started and the health check is pending. */
  public static final String STARTING = "starting";
  public static final String UP = "up";
  /** It exited and waits for its restart, after a backoff. */
  public static final String CRASHED = "crashed";
  /** Stopped on purpose ({@code ps:stop}) until the next converge starts it. */
  public static final String DOWN = "down";
  /** Dyno names by process type, then number: web.1, web.2, web.10, worker.1. */
  public static final Comparator<String> NAME_ORDER = Comparator.<String, String>comparing(DynoSpec::typeOf)
      .thenComparingLong(DynoStatus::number).thenComparing(Comparator.naturalOrder());
  /** By app, then name in {@link #NAME_ORDER}. */
  public static final Comparator<DynoStatus> ORDER = Comparator.comparing(DynoStatus::app)
      .thenComparing(DynoStatus::name, NAME_ORDER);

  public DynoStatus withMemory(DynoMemory sample) {
    return new DynoStatus(app, name, release, state, restarts, since, containerId, host, port, sample);
  }

  /** As seen from the controller, where the host that matters is the agent running the dyno. */
  public DynoStatus onHost(String agent) {
    return new DynoStatus(app, name, release, state, restarts, since, containerId, agent, port, memory);
  }

  public String type() {
    return DynoSpec.typeOf(name);
  }

  /** The number after the type; names without one sort after those with one. */
  private static long number(String name) {
    try {
      return Long.parseLong(name.substring(name.indexOf('.') + 1));
    } catch (NumberFormatException none) {
      return Long.MAX_VALUE;
    }
  }
}
