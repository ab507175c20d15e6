package io.paas.controller.access;

import io.paas.common.ApiException;
import io.paas.controller.auth.Accounts;
import io.paas.controller.store.App;
import io.paas.controller.store.CollaboratorStore;
import io.paas.controller.store.Member;
import io.paas.controller.store.Role;
import io.paas.controller.store.TeamStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who may use an app besides its owner. A personal app is shared with collaborators; a team app is shared by being
 * the team's, so its access list is the team's members and changing it is the team's business.
 */
public final class Collaborators {
  private final CollaboratorStore collaborators;
  private final TeamStore teams;
  private final Accounts accounts;

  public Collaborators(CollaboratorStore collaborators, TeamStore teams, Accounts accounts) {
    this.collaborators = collaborators;
    this.teams = teams;
    this.accounts = accounts;
  }

  /** Everyone with a role on the app: the owner first, then the collaborators; or its team's members. */
  public Future<List<Member>> of(App app) {
    if (app.team() != null) {
      return teams.members(app.team());
    }
    return collaborators.of(app.id()).map(shared -> {
      List<Member> all = new ArrayList<>();
      all.add(new Member(app.ownerEmail(), Role.OWNER, app.createdAt()));
      all.addAll(shared);
      return all;
    });
  }

  public Future<Member> add(App app, String email) {
    return personal(app)
        .compose(v -> accounts.byEmail(email))
        .compose(user -> user.id() == app.ownerId()
            ? Future.failedFuture(ApiException.invalid(user.email() + " owns " + app.name() + " already."))
            : collaborators.insert(app.id(), user));
  }

  public Future<Member> remove(App app, String email) {
    return personal(app).compose(v -> collaborators.delete(app.id(), email.toLowerCase(Locale.ROOT)))
        .compose(removed -> removed.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
            ApiException.notFound(email + " is not a collaborator on " + app.name() + "."))));
  }

  private static Future<Void> personal(App app) {
    return app.team() == null ? Future.succeededFuture() : Future.failedFuture(ApiException.invalid(app.name()
        + " belongs to team " + app.team() + ": manage access through the team (paas members:add EMAIL -t "
        + app.team() + ")."));
  }
}
