package io.paas.controller.access;

import io.paas.common.ApiException;
import io.paas.controller.auth.Accounts;
import io.paas.controller.store.App;
import io.paas.controller.store.AppGrantStore;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.User;
import io.vertx.core.Future;

/**
 * Moves an app to a team or to a user; the caller is an admin of the app (its owner, or an admin of its team).
 * Into a team the caller is an admin or member of. To a user only if they can deploy the app already (a
 * collaborator, or an admin or member of its team): nobody is handed an app they did not ask to work on.
 */
public final class AppTransfers {
  private final AppStore apps;
  private final AppGrantStore grants;
  private final Teams teams;
  private final Accounts accounts;

  public AppTransfers(AppStore apps, AppGrantStore grants, Teams teams, Accounts accounts) {
    this.apps = apps;
    this.grants = grants;
    this.teams = teams;
    this.accounts = accounts;
  }

  /** {@code to} is a team's name or a user's email; completes with the app as it is now. */
  public Future<App> transfer(App app, long callerId, String to) {
    if (to == null || to.isBlank()) {
      return Future.failedFuture(ApiException.invalid("Field to is required: a team's name or a user's email."));
    }
    Future<Void> moved = to.contains("@") ? toUser(app, to) : toTeam(app, callerId, to);
    return moved.compose(v -> apps.byName(app.name())).map(found -> found.orElseThrow(() ->
        ApiException.notFound("Couldn't find that app.")));
  }

  private Future<Void> toTeam(App app, long callerId, String team) {
    if (team.equals(app.team())) {
      return Future.failedFuture(ApiException.invalid(app.name() + " belongs to team " + team + " already."));
    }
    return teams.find(callerId, team, Permission.DEPLOY).compose(grant -> apps.moveToTeam(app.id(),
        grant.team().id()));
  }

  private Future<Void> toUser(App app, String email) {
    return accounts.byEmail(email).compose(user -> {
      if (app.team() == null && user.id() == app.ownerId()) {
        return Future.failedFuture(ApiException.invalid(user.email() + " owns " + app.name() + " already."));
      }
      return canDeploy(user, app).compose(can -> can ? apps.moveToUser(app.id(), user.id())
          : Future.failedFuture(ApiException.invalid(user.email() + " cannot deploy " + app.name()
              + " yet: add them " + (app.team() == null ? "as a collaborator" : "to team " + app.team())
              + " first, then transfer it.")));
    });
  }

  private Future<Boolean> canDeploy(User user, App app) {
    return grants.find(user.id(), app.name())
        .map(grant -> grant.map(g -> Permission.DEPLOY.allows(g.role())).orElse(false));
  }
}
