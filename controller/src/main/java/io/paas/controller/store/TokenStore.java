package io.paas.controller.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** API tokens, by hash only. */
public final class TokenStore {
  private final Pool pool;

  public TokenStore(Pool pool) {
    this.pool = pool;
  }

  public Future<Void> insert(long userId, String tokenHash, String description) {
    return pool.preparedQuery("INSERT INTO api_tokens (user_id, token_hash, description) VALUES ($1, $2, $3)")
        .execute(Tuple.of(userId, tokenHash, description))
        .mapEmpty();
  }

  public Future<Optional<User>> userByTokenHash(String tokenHash) {
    return pool.preparedQuery("SELECT u.id, u.email, u.admin, u.created_at FROM api_tokens t "
            + "JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1")
        .execute(Tuple.of(tokenHash))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(UserStore.user(rows.iterator().next())));
  }
}
