package io.paas.controller.api;

import io.paas.controller.access.AppAccess;
import io.paas.controller.access.Permission;
import io.paas.controller.access.Teams;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrant;
import io.paas.controller.store.TeamGrant;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiFunction;

/**
 * Runs ahead of a route's handler: finds the path's {@code :app} or {@code :team} and lets the request on only if
 * the caller's role there allows what the route does, so each route says its permission where it is mounted and
 * nobody learns more from a bad body than from a good one.
 */
final class Guard {
  private static final String APP = "paas.app";
  private static final String TEAM = "paas.team";

  private final AppAccess apps;
  private final Teams teams;

  Guard(AppAccess apps, Teams teams) {
    this.apps = apps;
    this.teams = teams;
  }

  Handler<RoutingContext> app(Permission needed) {
    return check(APP, "app", (user, name) -> apps.find(user, name, needed));
  }

  Handler<RoutingContext> team(Permission needed) {
    return check(TEAM, "team", (user, name) -> teams.find(user, name, needed));
  }

  static AppGrant appGrant(RoutingContext ctx) {
    return ctx.get(APP);
  }

  static App app(RoutingContext ctx) {
    return appGrant(ctx).app();
  }

  static TeamGrant team(RoutingContext ctx) {
    return ctx.get(TEAM);
  }

  private static Handler<RoutingContext> check(String key, String param,
                                               BiFunction<Long, String, Future<?>> find) {
    return ctx -> find.apply(Bearer.user(ctx).id(), ctx.pathParam(param)).onFailure(ctx::fail).onSuccess(found -> {
      ctx.put(key, found);
      ctx.next();
    });
  }
}
