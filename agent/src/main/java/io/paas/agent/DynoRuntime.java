package io.paas.agent;

import java.io.Closeable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The container engine as the agent needs it. Blocking: call from a worker thread, never the event loop. The methods
 * with defaults came later; the defaults keep runtimes that never run one-off or followed dynos (API test doubles)
 * unchanged.
 */
public interface DynoRuntime {
  /** Every dyno container this agent labeled, running or not; one-off containers are not dynos and not listed. */
  List<Dyno> list();

  /** Creates and starts the dyno's container and returns it with its published port (not yet health-checked). */
  Dyno start(DynoSpec spec);

  /** Stops (SIGTERM, then SIGKILL after the grace period) and removes the container. Unknown ids are ignored. */
  void stop(String containerId);

  /** The last lines the container printed, to explain why it did not come up. */
  String logTail(String containerId, int lines);

  /**
   * Runs {@code sh -c spec.command()} once in a container of its own (no published port), passing each line it
   * prints on stdout or stderr to {@code output} as it comes, from another thread; waits for it to exit, removes it
   * and returns its exit status. A run that outlasts the runtime's time limit is killed and fails.
   */
  default int runOnce(DynoSpec spec, Consumer<String> output) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " does not run one-off dynos");
  }

  /**
   * Follows the container's stdout and stderr in the background and hands every line stamped later than
   * {@code after} to {@code sink} ({@link Instant#EPOCH}: everything since it started). {@code ended} runs once when
   * the stream ends: the container stopped or is gone, the engine went away, or the returned handle was closed.
   */
  default Closeable followLogs(Dyno dyno, Instant after, LogSink sink, Runnable ended) {
    return () -> { };
  }

  /**
   * The memory use of the running containers among {@code containerIds}, by id; containers that are gone or not
   * running are left out. May take a second or so, however many containers are asked about.
   */
  default Map<String, DynoMemory> memory(Collection<String> containerIds) {
    return Map.of();
  }

  /** The exit status of a container that is no longer running; empty while it runs or once it is gone. */
  default OptionalInt exitStatus(String containerId) {
    return OptionalInt.empty();
  }
}
