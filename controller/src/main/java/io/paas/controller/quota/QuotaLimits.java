package io.paas.controller.quota;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** A limit for every quota. */
public record QuotaLimits(Map<Quota, Long> values) {
  public QuotaLimits {
    EnumMap<Quota, Long> copy = new EnumMap<>(Quota.class);
    copy.putAll(values);
    for (Quota quota : Quota.values()) {
      if (Objects.requireNonNull(copy.get(quota), quota.key()) < 0) {
        throw new IllegalArgumentException("A quota limit cannot be negative: " + quota.key());
      }
    }
    values = Collections.unmodifiableMap(copy);
  }

  public static QuotaLimits of(long apps, long dynos, long memoryMegabytes, long addons, long builds) {
    return new QuotaLimits(Map.of(Quota.APPS, apps, Quota.DYNOS, dynos, Quota.MEMORY, memoryMegabytes,
        Quota.ADDONS, addons, Quota.BUILDS, builds));
  }

  public long get(Quota quota) {
    return values.get(quota);
  }

  /** These limits with some replaced, as a subject's overrides replace the defaults. */
  public QuotaLimits with(Map<Quota, Long> overrides) {
    EnumMap<Quota, Long> merged = new EnumMap<>(values);
    merged.putAll(overrides);
    return new QuotaLimits(merged);
  }
}
