package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.access.Teams;
import io.paas.controller.auth.Accounts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who is on the platform, for admins: {@code GET /admin/users} (every account, with the number of apps it owns
 * personally) and {@code GET /admin/teams} (every team, whoever is in it, with its numbers of members and apps).
 */
final class AdminAccountsApi {
  private final Accounts accounts;
  private final Teams teams;

  AdminAccountsApi(Accounts accounts, Teams teams) {
    this.accounts = accounts;
    this.teams = teams;
  }

  void mount(Router router) {
    router.get("/admin/users").handler(ctx -> list(ctx, "users", accounts::all, Views::user));
    router.get("/admin/teams").handler(ctx -> list(ctx, "teams", teams::all, Views::team));
  }

  private static <T> void list(RoutingContext ctx, String what, Supplier<Future<List<T>>> all,
                               Function<T, JsonObject> view) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can list all " + what + ".");
    }
    Responses.json(ctx, 200, all.get().map(found -> new JsonArray(found.stream().map(view).toList())));
  }
}
