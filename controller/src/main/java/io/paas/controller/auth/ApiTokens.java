package io.paas.controller.auth;

import io.paas.common.ApiException;
import io.paas.controller.store.ApiToken;
import io.paas.controller.store.TokenOwner;
import io.paas.controller.store.TokenStore;
import io.paas.controller.store.User;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A user's API tokens: those {@code POST /auth/login} hands out, which expire after the login lifetime, and named
 * ones made for scripts and CI, which last as long as asked (or until revoked). Every call checks one.
 */
public final class ApiTokens {
  public static final String LIFETIME_RULE =
      "expires_in_days must be a whole number from 1 to 3650, or left out for a token that does not expire.";
  private static final String DEFAULT_DESCRIPTION = "API token";
  private static final int MAX_DAYS = 3650;
  private static final Pattern DESCRIPTION = Pattern.compile("[^\\p{Cntrl}]{1,100}");
  private static final String LOGIN = "login";

  private final TokenStore store;
  private final Duration loginLifetime;

  public ApiTokens(TokenStore store, Duration loginLifetime) {
    this.store = store;
    this.loginLifetime = loginLifetime;
  }

  /** A named token; {@code days} may be null for one that does not expire. */
  public Future<IssuedToken> create(User user, String description, Integer days) {
    if (days != null && (days < 1 || days > MAX_DAYS)) {
      return Future.failedFuture(ApiException.invalid(LIFETIME_RULE));
    }
    if (description != null && (description.isBlank() || !DESCRIPTION.matcher(description).matches())) {
      return Future.failedFuture(ApiException.invalid(
          "description must be 1 to 100 characters, with no control characters."));
    }
    return issue(user, description == null ? DEFAULT_DESCRIPTION : description,
        days == null ? null : Duration.ofDays(days));
  }

  Future<IssuedToken> issueLogin(User user) {
    return issue(user, LOGIN, loginLifetime);
  }

  public Future<List<ApiToken>> list(User user) {
    return store.list(user.id());
  }

  /** Another user's token answers as one that does not exist. */
  public Future<ApiToken> revoke(User user, long tokenId) {
    return store.delete(user.id(), tokenId).compose(deleted -> deleted.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.notFound("No token " + tokenId + "."))));
  }

  /** The token's owner, or a 401 alike for a missing, unknown, revoked or expired token. */
  public Future<TokenOwner> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Future.failedFuture(unauthorized());
    }
    return store.ownerByHash(Tokens.hash(token)).compose(owner -> owner.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(unauthorized())));
  }

  private Future<IssuedToken> issue(User user, String description, Duration lifetime) {
    String secret = Tokens.generate();
    return store.insert(user.id(), Tokens.hash(secret), description, lifetime)
        .map(token -> new IssuedToken(token, user, secret));
  }

  private static ApiException unauthorized() {
    return ApiException.unauthorized("Missing, invalid or expired API token.");
  }
}
