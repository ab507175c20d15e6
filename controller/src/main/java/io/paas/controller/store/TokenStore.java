package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** API tokens, by hash only. Times come from the database's clock, so every controller agrees on expiry. */
public final class TokenStore {
  private static final String COLUMNS = "id, description, created_at, expires_at, last_used_at";
  private static final String LIVE = "(expires_at IS NULL OR expires_at > now())";

  private final Pool pool;

  public TokenStore(Pool pool) {
    this.pool = pool;
  }

  /** A null lifetime never expires. The user's expired tokens go at the same time, so they do not pile up. */
  public Future<ApiToken> insert(long userId, String tokenHash, String description, Duration lifetime) {
    return pool.preparedQuery("WITH expired AS (DELETE FROM api_tokens WHERE user_id = $1 AND NOT " + LIVE + ") "
            + "INSERT INTO api_tokens (user_id, token_hash, description, expires_at) "
            + "VALUES ($1, $2, $3, now() + $4::bigint * interval '1 second') RETURNING " + COLUMNS)
        .execute(Tuple.of(userId, tokenHash, description, lifetime == null ? null : lifetime.toSeconds()))
        .map(rows -> token(rows.iterator().next()));
  }

  /** The user's tokens that have not expired, oldest first. */
  public Future<List<ApiToken>> list(long userId) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = $1 AND " + LIVE + " ORDER BY id")
        .execute(Tuple.of(userId))
        .map(rows -> {
          List<ApiToken> tokens = new ArrayList<>();
          rows.forEach(row -> tokens.add(token(row)));
          return tokens;
        });
  }

  /** Deletes one of the user's own tokens; empty when they have none by that id. */
  public Future<Optional<ApiToken>> delete(long userId, long tokenId) {
    return pool.preparedQuery("DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(tokenId, userId))
        .map(rows -> first(rows).map(TokenStore::token));
  }

  /** The owner of a token that has not expired; notes its use at most once a minute. */
  public Future<Optional<TokenOwner>> ownerByHash(String tokenHash) {
    return pool.preparedQuery("WITH found AS (SELECT t.id AS token_id, u.id, u.email, u.admin, u.created_at "
            + "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND " + LIVE + "), "
            + "touched AS (UPDATE api_tokens SET last_used_at = now() WHERE id = (SELECT token_id FROM found) "
            + "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')) "
            + "SELECT * FROM found")
        .execute(Tuple.of(tokenHash))
        .map(rows -> first(rows).map(row -> new TokenOwner(row.getLong("token_id"), UserStore.user(row))));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }

  private static ApiToken token(Row row) {
    return new ApiToken(row.getLong("id"), row.getString("description"), row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("expires_at"), row.getOffsetDateTime("last_used_at"));
  }
}
