package io.paas.agent;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The agent's bookkeeping of the dynos it should run, by app and name: each one's state, crash count and the container
 * serving it. The containers are the truth for what runs; this is what the agent knows about how it got there. It
 * lives in memory only: after a restart of the agent, running dynos are adopted as up with no restarts. Written from
 * an app's queued tasks, read from anywhere.
 */
final class DynoStates {
  /**
   * One dyno name. {@code dyno} is the container serving it, null while none does (starting, crashed, down). Every
   * change makes a new entry with a new {@code generation}, so a restart scheduled for an entry can tell it is stale.
   */
  record Entry(DynoSpec spec, String state, int restarts, Instant since, Dyno dyno, long generation) {
    String app() {
      return spec.app();
    }

    String name() {
      return spec.name();
    }

    boolean is(String state) {
      return this.state.equals(state);
    }

    DynoStatus status() {
      return new DynoStatus(spec.app(), spec.name(), spec.release(), state, restarts, since,
          dyno == null ? null : dyno.containerId(), dyno == null ? null : dyno.host(),
          dyno == null ? 0 : dyno.port(), null);
    }
  }

  private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::name, DynoStatus.NAME_ORDER);

  private final Map<String, Map<String, Entry>> byApp = new HashMap<>();
  private long generations;

  /** Records the dyno as entering {@code state} now. */
  synchronized Entry put(DynoSpec spec, String state, int restarts, Dyno dyno) {
    Entry entry = new Entry(spec, state, restarts, Instant.now(), dyno, ++generations);
    byApp.computeIfAbsent(spec.app(), app -> new HashMap<>()).put(spec.name(), entry);
    return entry;
  }

  /** The spec changed but not the release, so the running container stays; a restart uses the new spec. */
  synchronized void respec(Entry entry, DynoSpec spec) {
    byApp.get(spec.app()).put(spec.name(), new Entry(spec, entry.state(), entry.restarts(), entry.since(),
        entry.dyno(), ++generations));
  }

  /** Whether nothing changed the entry since it was read. */
  synchronized boolean isCurrent(Entry entry) {
    return entry.equals(byApp.getOrDefault(entry.app(), Map.of()).get(entry.name()));
  }

  /** The app's entries by name, a copy to {@link #restore} after a failed change. */
  synchronized Map<String, Entry> of(String app) {
    return Map.copyOf(byApp.getOrDefault(app, Map.of()));
  }

  synchronized void restore(String app, Map<String, Entry> entries) {
    byApp.put(app, new HashMap<>(entries));
    forgetIfEmpty(app);
  }

  /** Forgets the app's dynos that are not named, as after scaling down. */
  synchronized void retain(String app, Set<String> names) {
    byApp.getOrDefault(app, new HashMap<>()).keySet().retainAll(names);
    forgetIfEmpty(app);
  }

  synchronized Set<String> apps() {
    return Set.copyOf(byApp.keySet());
  }

  /** The app's entries in name order. */
  synchronized List<Entry> entries(String app) {
    return byApp.getOrDefault(app, Map.of()).values().stream().sorted(ORDER).toList();
  }

  /** Whether the container serves an up dyno: its exit would be a crash. */
  synchronized boolean servedBy(Dyno dyno) {
    return byApp.getOrDefault(dyno.app(), Map.of()).values().stream()
        .anyMatch(e -> e.is(DynoStatus.UP) && e.dyno().containerId().equals(dyno.containerId()));
  }

  /** The containers of the app's up web dynos: what the traffic switch should serve. */
  synchronized List<Dyno> upWeb(String app) {
    return entries(app).stream()
        .filter(e -> e.is(DynoStatus.UP) && Agent.WEB.equals(e.spec().type()))
        .map(Entry::dyno)
        .filter(Objects::nonNull)
        .toList();
  }

  synchronized List<DynoStatus> status(String app) {
    return entries(app).stream().map(Entry::status).toList();
  }

  synchronized List<DynoStatus> status() {
    return byApp.values().stream().flatMap(entries -> entries.values().stream()).map(Entry::status)
        .sorted(DynoStatus.ORDER).toList();
  }

  private void forgetIfEmpty(String app) {
    if (byApp.getOrDefault(app, Map.of()).isEmpty()) {
      byApp.remove(app);
    }
  }
}
