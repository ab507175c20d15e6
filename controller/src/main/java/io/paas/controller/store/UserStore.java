package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class UserStore {
  private static final String COLUMNS = "id, email, admin, created_at";
  private static final String SUMMARIES = "SELECT u.id, u.email, u.admin, u.created_at, count(a.id) AS apps "
      + "FROM users u LEFT JOIN apps a ON a.owner_id = u.id AND a.team_id IS NULL "
      + "GROUP BY u.id ORDER BY u.email";

  private final Pool pool;

  public UserStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Long> count() {
    return pool.query("SELECT count(*) FROM users").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  public Future<User> insert(String email, String passwordHash, boolean admin) {
    return pool.preparedQuery("INSERT INTO users (email, password_hash, admin) VALUES ($1, $2, $3) RETURNING " + COLUMNS)
        .execute(Tuple.of(email, passwordHash, admin))
        .map(rows -> user(rows.iterator().next()))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e, "A user with email " + email + " exists.")));
  }

  public Future<Optional<User>> byEmail(String email) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM users WHERE email = $1").execute(Tuple.of(email))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(user(rows.iterator().next())));
  }

  /** Every user, by email, with the number of apps each owns personally. */
  public Future<List<UserSummary>> summaries() {
    return pool.query(SUMMARIES).execute().map(rows -> {
      List<UserSummary> users = new ArrayList<>();
      rows.forEach(row -> users.add(new UserSummary(user(row), row.getLong("apps"))));
      return users;
    });
  }

  /** The user and their password hash, to check a login. */
  public Future<Optional<Credentials>> credentials(String email) {
    return pool.preparedQuery("SELECT " + COLUMNS + ", password_hash FROM users WHERE email = $1")
        .execute(Tuple.of(email))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(credentials(rows.iterator().next())));
  }

  static User user(Row row) {
    return new User(row.getLong("id"), row.getString("email"), row.getBoolean("admin"),
        row.getOffsetDateTime("created_at"));
  }

  private static Credentials credentials(Row row) {
    return new Credentials(user(row), row.getString("password_hash"));
  }

  public record Credentials(User user, String passwordHash) {
  }
}
