package io.paas.controller.store;

import io.paas.common.ApiException;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Teams and their members. A team always keeps an admin: without one nobody could manage it any more. */
public final class TeamStore {
  private static final String GRANTS = "SELECT t.id, t.name, t.created_at, m.role FROM teams t "
      + "JOIN team_members m ON m.team_id = t.id AND m.user_id = $1 ";
  private static final String MEMBERS = "SELECT u.email, m.role, m.created_at FROM team_members m "
      + "JOIN users u ON u.id = m.user_id WHERE m.team_id = (SELECT id FROM teams WHERE name = $1) ORDER BY u.email";
  private static final String SUMMARIES = "SELECT t.id, t.name, t.created_at, "
      + "(SELECT count(*) FROM team_members m WHERE m.team_id = t.id) AS members, "
      + "(SELECT count(*) FROM apps a WHERE a.team_id = t.id) AS apps FROM teams t ORDER BY t.name";

  private final Pool pool;

  public TeamStore(Pool pool) {
    this.pool = pool;
  }

  /** Creates the team with its creator as its first admin. */
  public Future<TeamGrant> insert(String name, long adminId) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("INSERT INTO teams (name) VALUES ($1) RETURNING id, name, created_at").execute(Tuple.of(name))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e, "Team name " + name + " is already taken.")))
        .compose(rows -> {
          Team team = team(rows.iterator().next());
          return conn.preparedQuery("INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, 'admin')")
              .execute(Tuple.of(team.id(), adminId)).map(new TeamGrant(team, Role.ADMIN));
        }));
  }

  /** The team and the user's role in it; empty when there is no such team or the user is not in it. */
  public Future<Optional<TeamGrant>> find(long userId, String name) {
    return pool.preparedQuery(GRANTS + "WHERE t.name = $2").execute(Tuple.of(userId, name))
        .map(rows -> grants(rows).stream().findFirst());
  }

  /** Any team by name, whoever is in it: for operators. */
  public Future<Optional<Team>> byName(String name) {
    return pool.preparedQuery("SELECT id, name, created_at FROM teams WHERE name = $1").execute(Tuple.of(name))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(team(rows.iterator().next())));
  }

  /** Every team, by name, with its numbers of members and apps: for operators. */
  public Future<List<TeamSummary>> summaries() {
    return pool.query(SUMMARIES).execute().map(rows -> {
      List<TeamSummary> teams = new ArrayList<>();
      rows.forEach(row -> teams.add(new TeamSummary(team(row), row.getLong("members"), row.getLong("apps"))));
      return teams;
    });
  }

  /** The teams the user is in, by name. */
  public Future<List<TeamGrant>> of(long userId) {
    return pool.preparedQuery(GRANTS + "ORDER BY t.name").execute(Tuple.of(userId)).map(TeamStore::grants);
  }

  public Future<List<Member>> members(String team) {
    return pool.preparedQuery(MEMBERS).execute(Tuple.of(team)).map(TeamStore::members);
  }

  /** Adds the user, or fails with a 409 if they are in the team already. */
  public Future<Member> insertMember(Team team, User user, Role role) {
    return pool.preparedQuery("INSERT INTO team_members (team_id, user_id, role) VALUES ($1, $2, $3) "
            + "RETURNING created_at")
        .execute(Tuple.of(team.id(), user.id(), role.wire()))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e,
            user.email() + " is already a member of team " + team.name() + ".")))
        .map(rows -> new Member(user.email(), role, rows.iterator().next().getOffsetDateTime(0)));
  }

  /** Completes with the member in their new role. */
  public Future<Member> updateRole(Team team, String email, Role role) {
    return change(team, email, Optional.of(role));
  }

  /** Completes with the member removed, in the role they had. */
  public Future<Member> deleteMember(Team team, String email) {
    return change(team, email, Optional.empty());
  }

  /**
   * Gives a member another role, or removes them. The team's row is locked first, so two admins demoting each other
   * at once cannot both succeed and leave the team with none.
   */
  private Future<Member> change(Team team, String email, Optional<Role> role) {
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT id FROM teams WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(team.id()))
        .compose(locked -> conn.preparedQuery(MEMBERS).execute(Tuple.of(team.name())))
        .compose(rows -> {
          List<Member> members = members(rows);
          Member member = members.stream().filter(m -> m.email().equals(email)).findFirst().orElseThrow(() ->
              ApiException.notFound(email + " is not a member of team " + team.name() + "."));
          long admins = members.stream().filter(m -> m.role() == Role.ADMIN).count();
          if (member.role() == Role.ADMIN && admins == 1 && role.filter(Role.ADMIN::equals).isEmpty()) {
            throw ApiException.invalid(email + " is the last admin of team " + team.name()
                + ": make another member an admin first.");
          }
          return apply(conn, team, email, role)
              .map(v -> role.map(r -> new Member(email, r, member.since())).orElse(member));
        }));
  }

  private static Future<RowSet<Row>> apply(SqlConnection conn, Team team, String email, Optional<Role> role) {
    String who = "team_id = $1 AND user_id = (SELECT id FROM users WHERE email = $2)";
    return role.isPresent()
        ? conn.preparedQuery("UPDATE team_members SET role = $3 WHERE " + who)
            .execute(Tuple.of(team.id(), email, role.get().wire()))
        : conn.preparedQuery("DELETE FROM team_members WHERE " + who).execute(Tuple.of(team.id(), email));
  }

  private static Team team(Row row) {
    return new Team(row.getLong("id"), row.getString("name"), row.getOffsetDateTime("created_at"));
  }

  private static List<TeamGrant> grants(RowSet<Row> rows) {
    List<TeamGrant> grants = new ArrayList<>();
    rows.forEach(row -> grants.add(new TeamGrant(team(row), Role.of(row.getString("role")))));
    return grants;
  }

  private static List<Member> members(RowSet<Row> rows) {
    List<Member> members = new ArrayList<>();
    rows.forEach(row -> members.add(new Member(row.getString("email"), Role.of(row.getString("role")),
        row.getOffsetDateTime("created_at"))));
    return members;
  }
}
