package io.paas.controller.addons.redis;

import io.paas.controller.addons.AddonPlan;
import java.util.Arrays;
import java.util.List;

/** The redis plans, the default first: how much memory a server may hold and how it keeps its data on disk. */
enum RedisPlan {
  MINI("mini", 25, "RDB snapshot 60 s after a write, and on a clean stop", "save 60 1", "appendonly no"),
  BASIC("basic", 100, "append-only file, fsynced every second", "save \"\"", "appendonly yes",
      "appendfsync everysec"),
  PREMIUM("premium", 512, "append-only file, fsynced every second", "save \"\"", "appendonly yes",
      "appendfsync everysec");

  private final String planName;
  private final int maxMemoryMb;
  private final String persistence;
  private final List<String> persistenceConfig;

  RedisPlan(String planName, int maxMemoryMb, String persistence, String... persistenceConfig) {
    this.planName = planName;
    this.maxMemoryMb = maxMemoryMb;
    this.persistence = persistence;
    this.persistenceConfig = List.of(persistenceConfig);
  }

  static RedisPlan named(String name) {
    return Arrays.stream(values()).filter(plan -> plan.planName.equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No redis plan named '" + name + "'"));
  }

  AddonPlan addonPlan() {
    return new AddonPlan(planName, maxMemoryMb + " MB of memory, " + persistence);
  }

  String planName() {
    return planName;
  }

  int maxMemoryMb() {
    return maxMemoryMb;
  }

  /** How the data survives a restart, in words. */
  String persistence() {
    return persistence;
  }

  /** The redis.conf lines that make it so. */
  List<String> persistenceConfig() {
    return persistenceConfig;
  }
}
