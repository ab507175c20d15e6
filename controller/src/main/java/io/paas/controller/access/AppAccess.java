package io.paas.controller.access;

import io.paas.common.ApiException;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrant;
import io.paas.controller.store.AppGrantStore;
import io.vertx.core.Future;
import java.util.List;

/**
 * Finds an app for a caller by their role on it. No role at all answers exactly like a missing app, 404, so nobody
 * learns another tenant's app names; a role that may see the app but not do this is a 403 that says why.
 */
public final class AppAccess {
  private final AppGrantStore grants;

  public AppAccess(AppGrantStore grants) {
    this.grants = grants;
  }

  public Future<AppGrant> find(long userId, String name, Permission needed) {
    return grants.find(userId, name).compose(found -> found
        .map(grant -> Future.succeededFuture(require(grant, needed)))
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that app."))));
  }

  /** Every app the user has a role on: their own, those they collaborate on, their teams'. */
  public Future<List<AppGrant>> of(long userId) {
    return grants.of(userId);
  }

  /** The grant, if its role allows what is needed; else the 403. */
  public static AppGrant require(AppGrant grant, Permission needed) {
    if (needed.allows(grant.role())) {
      return grant;
    }
    App app = grant.app();
    String you = "You are " + Permission.article(grant.role())
        + (app.team() == null ? " on " + app.name() : " of team " + app.team());
    String rule = needed == Permission.DEPLOY
        ? "only its admins and members can deploy and configure " + app.name()
        : app.team() == null ? "only its owner can destroy, transfer or share it"
        : "only its admins can destroy, transfer or share " + app.name();
    throw ApiException.forbidden(you + ": " + rule + ".");
  }
}
