package io.paas.controller.quota;

import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import java.util.List;

/**
 * Whose quotas an app counts against, and the apps that share them. Today every app counts against its owner; once
 * apps can belong to a team, a team's app counts against the team ({@code kind} {@code team}, its id and name):
 * {@link #of}, {@link #apps} and the names {@link QuotaStore#all} joins are where that goes.
 */
public record QuotaSubject(String kind, long id, String name) {
  public static final String USER = "user";

  public static QuotaSubject user(User user) {
    return new QuotaSubject(USER, user.id(), user.email());
  }

  public static QuotaSubject of(App app) {
    return new QuotaSubject(USER, app.ownerId(), app.ownerEmail());
  }

  /** Every app whose use counts against this subject. */
  public Future<List<App>> apps(AppStore apps) {
    return apps.ownedBy(id);
  }
}
