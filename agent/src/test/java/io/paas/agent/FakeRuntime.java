package io.paas.agent;

import java.io.Closeable;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dynos in memory; every dyno it starts is "published" on one port where the test runs a server. Log follows are
 * recorded for the test to feed and end.
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

  /** The dyno's process exits by itself with {@code status}; its container stays until the agent removes it. */
  void exit(Dyno dyno, int status) {
    exitStatuses.put(dyno.containerId(), status);
    dynos.replaceAll(d -> d.equals(dyno)
        ? new Dyno(d.containerId(), d.app(), d.name(), d.release(), d.host(), 0, false) : d);
  }
}
