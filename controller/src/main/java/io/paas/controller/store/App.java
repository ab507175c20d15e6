package io.paas.controller.store;

import java.time.OffsetDateTime;

/**
 * {@code teamId} and {@code team} are the owning team's id and name, null for a personal app; a team app's owner
 * grants nothing.
 */
public record App(long id, String name, long ownerId, String ownerEmail, Long teamId, String team,
                  OffsetDateTime createdAt, AppSettings settings) {
  public App withSettings(AppSettings changed) {
    return new App(id, name, ownerId, ownerEmail, teamId, team, createdAt, changed);
  }
}
