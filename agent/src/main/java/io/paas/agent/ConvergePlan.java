package io.paas.agent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The diff between the dynos an app should run and the containers it has: which running dynos to keep (same name
 * and release), which specs to start, and which containers to stop (old releases, exited ones, extra names). Specs
 * named in {@code waiting} (crashed dynos whose restart is not due yet) are not started.
 */
record ConvergePlan(String app, List<DynoSpec> desired, Map<String, Dyno> keep, List<DynoSpec> start,
                    List<Dyno> stop) {

  static ConvergePlan of(String app, List<DynoSpec> desired, List<Dyno> observed, Set<String> waiting) {
    validate(app, desired);
    List<Dyno> unclaimed = new ArrayList<>(observed.stream().filter(d -> d.app().equals(app)).toList());
    Map<String, Dyno> keep = new HashMap<>();
    List<DynoSpec> start = new ArrayList<>();
    for (DynoSpec spec : desired) {
      unclaimed.stream()
          .filter(d -> d.running() && d.name().equals(spec.name()) && d.release() == spec.release())
          .findFirst()
          .ifPresentOrElse(d -> {
            keep.put(spec.name(), d);
            unclaimed.remove(d);
          }, () -> {
            if (!waiting.contains(spec.name())) {
              start.add(spec);
            }
          });
    }
    return new ConvergePlan(app, List.copyOf(desired), Map.copyOf(keep), List.copyOf(start), List.copyOf(unclaimed));
  }

  /**
   * The dynos that run for the app once {@code started} (one per spec in {@link #start}) are up, in desired order;
   * waiting ones are missing.
   */
  List<Dyno> serving(List<Dyno> started) {
    Map<String, Dyno> byName = new HashMap<>(keep);
    started.forEach(d -> byName.put(d.name(), d));
    return desired.stream().map(spec -> byName.get(spec.name())).filter(Objects::nonNull).toList();
  }

  static void validate(String app, List<DynoSpec> desired) {
    Set<String> names = new HashSet<>();
    for (DynoSpec spec : desired) {
      if (!spec.app().equals(app)) {
        throw new IllegalArgumentException("Dyno " + spec.name() + " belongs to " + spec.app() + ", not " + app + ".");
      }
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("Dyno " + spec.name() + " of " + app + " is listed twice.");
      }
    }
  }
}
