package io.paas.controller.api;

import io.paas.agent.Dyno;
import io.paas.agent.DynoMemory;
import io.paas.agent.DynoRuntime;
import io.paas.agent.DynoSpec;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A container runtime without containers: every "dyno" is the same small HTTP server, so health checks pass, and
 * each start is recorded with its spec so tests can see which image, command and config vars would run.
 * A release command containing {@code fail} exits 1.
 */
final class FakeDynos implements DynoRuntime {
  static final long MEMORY_USED = 12_345_678;
  private final int port;
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  final List<DynoSpec> started = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<DynoSpec> ranOnce = new java.util.concurrent.CopyOnWriteArrayList<>();

  private FakeDynos(int port) {
    this.port = port;
  }

  static FakeDynos start(Vertx vertx) throws Exception {
    int port = vertx.createHttpServer().requestHandler(req -> req.response().end("ok"))
        .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS).actualPort();
    return new FakeDynos(port);
  }

  /** The spec of the app's web dyno now running, if any. */
  DynoSpec web(String app) {
    return running.values().stream().filter(r -> r.spec.app().equals(app) && r.spec.name().equals("web.1"))
        .map(r -> r.spec).findFirst().orElse(null);
  }

  /** The specs of every dyno the app runs now, by name. */
  java.util.SortedMap<String, DynoSpec> running(String app) {
    java.util.SortedMap<String, DynoSpec> specs = new java.util.TreeMap<>();
    running.values().stream().filter(r -> r.spec.app().equals(app)).forEach(r -> specs.put(r.spec.name(), r.spec));
    return specs;
  }

  @Override
  public List<Dyno> list() {
    List<Dyno> dynos = new ArrayList<>();
    running.values().forEach(r -> dynos.add(r.dyno));
    return dynos;
  }

  @Override
  public Dyno start(DynoSpec spec) {
    started.add(spec);
    Dyno dyno = new Dyno(UUID.randomUUID().toString(), spec.app(), spec.name(), spec.release(), "127.0.0.1", port,
        true);
    running.put(dyno.containerId(), new Running(spec, dyno));
    return dyno;
  }

  @Override
  public void stop(String containerId) {
    running.remove(containerId);
  }

  @Override
  public String logTail(String containerId, int lines) {
    return "";
  }

  @Override
  public int runOnce(DynoSpec spec, Consumer<String> output) {
    ranOnce.add(spec);
    output.accept("ran " + spec.command());
    return spec.command().contains("fail") ? 1 : 0;
  }

  /** Every running dyno uses {@link #MEMORY_USED}, sampled now, of its spec's memory. */
  @Override
  public Map<String, DynoMemory> memory(Collection<String> containerIds) {
    Map<String, DynoMemory> memory = new HashMap<>();
    containerIds.stream().filter(running::containsKey).forEach(id ->
        memory.put(id, new DynoMemory(MEMORY_USED, running.get(id).spec.memoryBytes(), Instant.now())));
    return memory;
  }

  private record Running(DynoSpec spec, Dyno dyno) {
  }
}
