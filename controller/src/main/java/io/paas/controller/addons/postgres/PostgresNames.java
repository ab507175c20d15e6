package io.paas.controller.addons.postgres;

import java.util.Locale;

/** The role and database name of an addon: {@code postgres-amber-48213} becomes {@code postgres_amber_48213}. */
final class PostgresNames {
  // PostgreSQL cuts identifiers longer than this; cut here so the name we use is the name it keeps.
  private static final int MAX_LENGTH = 63;

  private PostgresNames() {
  }

  static String of(String addonName) {
    String name = addonName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("An addon needs a name to name its database after");
    }
    return name.substring(0, Math.min(name.length(), MAX_LENGTH));
  }
}
