package io.paas.agent;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dynos in memory; every dyno it starts is "published" on one port where the test runs a server. Log follows are
 * recorded for the test to feed and end. Starts fail for the apps in {@code brokenApps}, which the test may change.
 */
final class FakeRuntime implements DynoRuntime {
  record Follow(Dyno dyno, Instant after, LogSink sink, Runnable ended) {
  }

  final List<Dyno> dynos = new CopyOnWriteArrayList<>();
  final List<DynoSpec> started = new CopyOnWriteArrayList<>();
  final List<Follow> follows = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> exitStatuses = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final int port;
  private final Set<String> brokenApps;
  /** When set, each start waits until this many starts are under way at once, and fails if they never are. */
  volatile CountDownLatch startTogether;

  FakeRuntime(int port, Set<String> brokenApps) {
    this.port = port;
    this.brokenApps = brokenApps;
  }

  @Override
  public List<Dyno> list() {
    return List.copyOf(dynos);
  }

  @Override
  public Dyno start(DynoSpec spec) {
    if (brokenApps.contains(spec.app())) {
      throw new IllegalStateException("No such image: " + spec.image());
    }
    CountDownLatch together = startTogether;
    if (together != null) {
      together.countDown();
      try {
        if (!together.await(5, TimeUnit.SECONDS)) {
          throw new IllegalStateException(spec.name() + " started alone");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    started.add(spec);
    Dyno dyno = new Dyno("c" + ids.incrementAndGet(), spec.app(), spec.name(), spec.release(), "127.0.0.1", port,
        true);
    dynos.add(dyno);
    return dyno;
  }

  @Override
  public void stop(String containerId) {
    dynos.removeIf(d -> d.containerId().equals(containerId));
  }

  @Override
  public String logTail(String containerId, int lines) {
    return "";
  }

  @Override
  public Closeable followLogs(Dyno dyno, Instant after, LogSink sink, Runnable ended) {
    follows.add(new Follow(dyno, after, sink, ended));
    return ended::run;
  }

  @Override
  public OptionalInt exitStatus(String containerId) {
    Integer status = exitStatuses.get(containerId);
    return status == null ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The dyno exits as {@link #exit} does, and its log stream ends, as the engine's does. */
  void crash(Dyno dyno, int status) {
    exit(dyno, status);
    follows.stream().filter(f -> f.dyno().containerId().equals(dyno.containerId())).forEach(f -> f.ended().run());
  }

  /**
   * Crashes the dyno, waits for the agent to restart it at once, and crashes it again: it then waits out its backoff,
   * crashed after two restarts.
   */
  void crashTwice(Agent agent, String app, String name) throws InterruptedException {
    crash(running(app, name), 1);
    awaitState(agent, app, name, DynoStatus.UP, 1);
    crash(running(app, name), 1);
    awaitState(agent, app, name, DynoStatus.CRASHED, 2);
  }

  static void awaitState(Agent agent, String app, String name, String state, int restarts)
      throws InterruptedException {
    TestDocker.await(name + " is " + state + " after " + restarts + " restarts", () -> agent.status(app).stream()
        .anyMatch(s -> s.name().equals(name) && s.state().equals(state) && s.restarts() == restarts));
  }

  /** The running container of the dyno {@code name} of {@code app}. */
  Dyno running(String app, String name) {
    return dynos.stream().filter(d -> d.app().equals(app) && d.name().equals(name) && d.running()).findFirst()
        .orElseThrow(() -> new AssertionError(app + " " + name + " does not run"));
  }

  /** The dyno's process exits by itself with {@code status}; its container stays until the agent removes it. */
  void exit(Dyno dyno, int status) {
    exitStatuses.put(dyno.containerId(), status);
    dynos.replaceAll(d -> d.equals(dyno)
        ? new Dyno(d.containerId(), d.app(), d.name(), d.release(), d.host(), 0, false) : d);
  }
}
