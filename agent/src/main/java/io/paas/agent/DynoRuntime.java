package io.paas.agent;

import java.util.List;

/** The container engine as the agent needs it. Blocking: call from a worker thread, never the event loop. */
public interface DynoRuntime {
  /** Every dyno container this agent labeled, running or not. */
  List<Dyno> list();

  /** Creates and starts the dyno's container and returns it with its published port (not yet health-checked). */
  Dyno start(DynoSpec spec);

  /** Stops (SIGTERM, then SIGKILL after the grace period) and removes the container. Unknown ids are ignored. */
  void stop(String containerId);

  /** The last lines the container printed, to explain why it did not come up. */
  String logTail(String containerId, int lines);
}
