package io.paas.controller.quota;

import io.paas.controller.store.App;
import io.paas.controller.store.AppStore;
import io.paas.controller.store.Team;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import java.util.List;

/**
 * Whose quotas an app counts against, and the apps that share them: a team's app counts against the team, a
 * personal app against its owner.
 */
public record QuotaSubject(String kind, long id, String name) {
  public static final String USER = "user";
  public static final String TEAM = "team";

  public static QuotaSubject user(User user) {
    return new QuotaSubject(USER, user.id(), user.email());
  }

  public static QuotaSubject team(Team team) {
    return new QuotaSubject(TEAM, team.id(), team.name());
  }

  public static QuotaSubject of(App app) {
    return app.teamId() != null ? new QuotaSubject(TEAM, app.teamId(), app.team())
        : new QuotaSubject(USER, app.ownerId(), app.ownerEmail());
  }

  /** Every app whose use counts against this subject. */
  public Future<List<App>> apps(AppStore apps) {
    return kind.equals(TEAM) ? apps.ofTeam(id) : apps.personalOf(id);
  }
}
