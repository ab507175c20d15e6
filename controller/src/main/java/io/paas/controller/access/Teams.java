package io.paas.controller.access;

import io.paas.common.ApiException;
import io.paas.common.AppNames;
import io.paas.controller.auth.Accounts;
import io.paas.controller.store.Member;
import io.paas.controller.store.Role;
import io.paas.controller.store.Team;
import io.paas.controller.store.TeamGrant;
import io.paas.controller.store.TeamStore;
import io.paas.controller.store.TeamSummary;
import io.vertx.core.Future;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Teams and their members. Only members see a team (anyone else gets the 404 of a missing one); only its admins
 * manage who is in it; admins and members may put apps in it. Team names follow the rules of app names.
 */
public final class Teams {
  private final TeamStore teams;
  private final Accounts accounts;

  public Teams(TeamStore teams, Accounts accounts) {
    this.teams = teams;
    this.accounts = accounts;
  }

  /** Creates the team, its creator its first admin. */
  public Future<TeamGrant> create(String name, long userId) {
    return Future.succeededFuture(name).map(AppNames::require).compose(valid -> teams.insert(valid, userId));
  }

  public Future<List<TeamGrant>> of(long userId) {
    return teams.of(userId);
  }

  /** The team, if the caller's role in it allows what is needed: ADMIN manages members, DEPLOY adds apps. */
  public Future<TeamGrant> find(long userId, String name, Permission needed) {
    return teams.find(userId, name).compose(found -> found
        .map(grant -> needed.allows(grant.role()) ? Future.succeededFuture(grant)
            : Future.<TeamGrant>failedFuture(denied(grant, needed)))
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("Couldn't find that team."))));
  }

  public Future<List<Member>> members(Team team) {
    return teams.members(team.name());
  }

  public Future<Member> add(Team team, String email, String role) {
    Role given = Role.inTeam(role);
    return accounts.byEmail(email).compose(user -> teams.insertMember(team, user, given));
  }

  public Future<Member> setRole(Team team, String email, String role) {
    return teams.updateRole(team, email.toLowerCase(Locale.ROOT), Role.inTeam(role));
  }

  public Future<Member> remove(Team team, String email) {
    return teams.deleteMember(team, email.toLowerCase(Locale.ROOT));
  }

  private static ApiException denied(TeamGrant grant, Permission needed) {
    String team = grant.team().name();
    String rule = needed == Permission.ADMIN ? "only its admins can manage its members"
        : "only its admins and members can add apps to it";
    return ApiException.forbidden("You are " + Permission.article(grant.role()) + " of team " + team + ": " + rule
        + ".");
  }

  /** Every team, whoever is in it: for operators. */
  public Future<List<TeamSummary>> all() {
    return teams.summaries();
  }

  /** Any team by name, whoever is in it: for operators. */
  public Future<Optional<Team>> named(String name) {
    return teams.byName(name);
  }
}
