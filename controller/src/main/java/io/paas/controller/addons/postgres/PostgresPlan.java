package io.paas.controller.addons.postgres;

import io.paas.controller.addons.AddonPlan;
import java.util.List;
import java.util.NoSuchElementException;

/** A plan's limits: the role's connection limit, and the data size above which {@code pg:info} warns. */
record PostgresPlan(String name, int connectionLimit, int warningGigabytes) {
  /** The default first. */
  static final List<PostgresPlan> ALL = List.of(
      new PostgresPlan("mini", 20, 1),
      new PostgresPlan("basic", 60, 10),
      new PostgresPlan("standard", 120, 64));

  static PostgresPlan named(String name) {
    return ALL.stream()
        .filter(plan -> plan.name.equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("No postgres plan " + name));
  }

  long warningBytes() {
    return (long) warningGigabytes << 30;
  }

  AddonPlan addonPlan() {
    return new AddonPlan(name, connectionLimit + " connections, " + warningGigabytes + " GB");
  }
}
