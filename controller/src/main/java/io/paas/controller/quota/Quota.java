package io.paas.controller.quota;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a subject's apps may use at most. Memory counts in MB; the others are counts. */
public enum Quota {
  /** Apps the subject owns. */
  APPS(null),
  /** Dynos the formations of its apps ask for. */
  DYNOS(null),
  /** Memory of those dynos, by their sizes. */
  MEMORY("MB"),
  /** Addons of its apps. */
  ADDONS(null),
  /** Builds of its apps running at once. */
  BUILDS(null);

  private final String unit;

  Quota(String unit) {
    this.unit = unit;
  }

  /** The name the API, the CLI and the store use: {@code apps}, {@code memory}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code MB} for memory, null for a count. */
  public String unit() {
    return unit;
  }

  public static Optional<Quota> byKey(String key) {
    return Arrays.stream(values()).filter(q -> q.key().equals(key)).findFirst();
  }

  /** An amount of this quota in words: {@code 4096 MB}, {@code 3}. */
  public String amount(long value) {
    return unit == null ? String.valueOf(value) : value + " " + unit;
  }
}
