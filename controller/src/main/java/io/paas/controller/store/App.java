package io.paas.controller.store;

import java.time.OffsetDateTime;

/** {@code team} is the owning team's name, null for a personal app; a team app's owner grants nothing. */
public record App(long id, String name, long ownerId, String ownerEmail, String team, OffsetDateTime createdAt,
                  AppSettings settings) {
  public App withSettings(AppSettings changed) {
    return new App(id, name, ownerId, ownerEmail, team, createdAt, changed);
  }
}
