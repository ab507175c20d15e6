package io.paas.controller.deploy;

import io.paas.common.ApiException;
import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.vertx.core.Future;

/** Finds an app the caller may use. Another tenant's app answers exactly like a missing one: 404. */
public final class AppAccess {
  private final AppStore apps;

  public AppAccess(AppStore apps) {
    this.apps = apps;
  }

  public Future<App> find(long userId, String name) {
    return apps.byName(name).compose(app -> app.filter(a -> a.ownerId() == userId)
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that app."))));
  }
}
