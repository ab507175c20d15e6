package io.paas.controller.store;

import java.time.OffsetDateTime;

public record App(long id, String name, long ownerId, String ownerEmail, OffsetDateTime createdAt,
                  AppSettings settings) {
  public App withSettings(AppSettings changed) {
    return new App(id, name, ownerId, ownerEmail, createdAt, changed);
  }
}
