package io.paas.controller.metrics;

import io.paas.agent.DynoStatus;
import io.paas.router.RoutedRequest;
import io.paas.router.RouterLog;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ObjLongConsumer;

/**
 * Each app's last {@value #WINDOW_MINUTES} UTC minutes: its requests, as the routers report them (the in-process one
 * directly, standalone ones through {@code /router-api/logs}), filed under the minute they are reported in, and its
 * dynos' memory, as the agents' heartbeats carry it. Bounded: a fixed number of slots per app and dyno whatever the
 * traffic, and an app or dyno with nothing in the window is dropped ({@link #evictIdle}), as is a destroyed app's
 * window ({@link #forget}). In memory, like the dynos' states: a restart forgets it, and with several controllers
 * each knows what its own routers and agents told it. Thread-safe: routers report from several event loops at once.
 */
public final class AppMetrics implements RouterLog {
  public static final int WINDOW_MINUTES = MinuteRing.MINUTES;

  private final InstantSource clock;
  private final Map<String, AppWindow> apps = new ConcurrentHashMap<>();

  public AppMetrics(InstantSource clock) {
    this.clock = clock;
  }

  @Override
  public void request(RoutedRequest request) {
    write(request.app(), (window, now) -> window.requests.record(now, request));
  }

  /** Files the memory sample of each dyno that has one. */
  public void sampled(List<DynoStatus> dynos) {
    dynos.stream().filter(dyno -> dyno.memory() != null).forEach(dyno ->
        write(dyno.app(), (window, now) -> window.memory.record(now, dyno.name(), dyno.memory())));
  }

  /** The app's minutes, oldest first, ending with the current one; minutes without requests are zeros. */
  public List<RequestMinute> requests(String app) {
    return read(app, (window, now) -> window.requests.window(now));
  }

  /** The app's responses with a status of 500 or more in the window. */
  public int errorsLastHour(String app) {
    return read(app, (window, now) -> window.requests.errors(now));
  }

  /** Each of the app's dynos sampled in the window, in name order. */
  public List<MemorySeries> memory(String app) {
    return read(app, (window, now) -> window.memory.window(now));
  }

  /** A destroyed app's window goes with it; a later app of the same name starts empty. */
  public void forget(String app) {
    apps.remove(app);
  }

  /** Drops the apps and dynos with nothing in the window: they would show nothing but zeros. */
  public void evictIdle() {
    long now = now();
    apps.keySet().forEach(app -> apps.computeIfPresent(app, (name, window) -> window.idle(now) ? null : window));
  }

  /** Whether the app has a window at all; what eviction and forgetting are about. */
  boolean holds(String app) {
    return apps.containsKey(app);
  }

  /** Under the map's lock for the app, so an eviction cannot drop a window while this is written to it. */
  private void write(String app, ObjLongConsumer<AppWindow> change) {
    long now = now();
    apps.compute(app, (name, window) -> {
      AppWindow written = window == null ? new AppWindow() : window;
      change.accept(written, now);
      return written;
    });
  }

  /** An app with no window reads as an empty one, without keeping it. */
  private <T> T read(String app, WindowReader<T> reader) {
    AppWindow window = apps.get(app);
    return reader.read(window == null ? new AppWindow() : window, now());
  }

  private long now() {
    return MinuteRing.of(clock.instant());
  }

  @FunctionalInterface
  private interface WindowReader<T> {
    T read(AppWindow window, long now);
  }
}
