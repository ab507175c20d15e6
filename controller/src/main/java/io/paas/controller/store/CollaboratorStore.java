package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The collaborators of personal apps. */
public final class CollaboratorStore {
  private static final String COLUMNS = "u.email, c.created_at";

  private final Pool pool;

  public CollaboratorStore(Pool pool) {
    this.pool = pool;
  }

  public Future<List<Member>> of(long appId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM collaborators c JOIN users u ON u.id = c.user_id "
            + "WHERE c.app_id = $1 ORDER BY u.email")
        .execute(Tuple.of(appId)).map(CollaboratorStore::collaborators);
  }

  /** Adds the user, or fails with a 409 if they are one already. */
  public Future<Member> insert(long appId, User user) {
    return pool.preparedQuery("INSERT INTO collaborators (app_id, user_id) VALUES ($1, $2) RETURNING created_at")
        .execute(Tuple.of(appId, user.id()))
        .recover(e -> Future.failedFuture(UniqueViolation.asConflict(e,
            user.email() + " is already a collaborator on this app.")))
        .map(rows -> new Member(user.email(), Role.COLLABORATOR, rows.iterator().next().getOffsetDateTime(0)));
  }

  /** The collaborator removed, empty if the email is not one of the app's. */
  public Future<Optional<Member>> delete(long appId, String email) {
    return pool.preparedQuery("DELETE FROM collaborators c USING users u WHERE u.id = c.user_id AND c.app_id = $1 "
            + "AND u.email = $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(appId, email)).map(rows -> collaborators(rows).stream().findFirst());
  }

  private static List<Member> collaborators(RowSet<Row> rows) {
    List<Member> collaborators = new ArrayList<>();
    rows.forEach(row -> collaborators.add(new Member(row.getString("email"), Role.COLLABORATOR,
        row.getOffsetDateTime("created_at"))));
    return collaborators;
  }
}
