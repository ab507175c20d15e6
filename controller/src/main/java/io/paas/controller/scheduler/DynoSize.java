package io.paas.controller.scheduler;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The memory and CPU limits every dyno of one size runs with, and the room it takes on a host. */
public record DynoSize(String name, long memoryBytes, double cpus) {
  private static final long MB = 1024L * 1024;

  public static final DynoSize BASIC = new DynoSize("basic", 256 * MB, 0.5);
  public static final DynoSize STANDARD = new DynoSize("standard", 512 * MB, 1);
  public static final DynoSize PERFORMANCE = new DynoSize("performance", 2048 * MB, 2);
  public static final DynoSize DEFAULT = STANDARD;

  private static final List<DynoSize> ALL = List.of(BASIC, STANDARD, PERFORMANCE);

  public DynoSize {
    Objects.requireNonNull(name, "name");
    if (memoryBytes <= 0 || cpus <= 0) {
      throw new IllegalArgumentException("A dyno size needs memory and CPU: " + name);
    }
  }

  /** Every size, smallest first. */
  public static List<DynoSize> all() {
    return ALL;
  }

  /** The size with this name, whatever its case; empty for an unknown name, so the caller can list {@link #all()}. */
  public static Optional<DynoSize> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    return ALL.stream().filter(size -> size.name.equals(wanted)).findFirst();
  }
}
