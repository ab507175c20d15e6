package io.paas.agent;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Dynos in memory; every dyno it starts is "published" on one port where the test runs a server. */
final class FakeRuntime implements DynoRuntime {
  final List<Dyno> dynos = new CopyOnWriteArrayList<>();
  final List<DynoSpec> started = new CopyOnWriteArrayList<>();
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
}
