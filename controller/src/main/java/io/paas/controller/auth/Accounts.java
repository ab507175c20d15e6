package io.paas.controller.auth;

import io.paas.common.ApiException;
import io.paas.controller.store.TokenStore;
import io.paas.controller.store.User;
import io.paas.controller.store.UserStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.regex.Pattern;

/** Users, logins and tokens: the rules around the stores. */
public final class Accounts {
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");
  private static final int MIN_PASSWORD = 8;
  private static final int MAX_PASSWORD = 72; // bcrypt ignores what lies beyond 72 bytes

  private final Vertx vertx;
  private final UserStore users;
  private final TokenStore tokens;

  public Accounts(Vertx vertx, UserStore users, TokenStore tokens) {
    this.vertx = vertx;
    this.users = users;
    this.tokens = tokens;
  }

  public Future<User> createUser(String email, String password, boolean admin) {
    if (email == null || !EMAIL.matcher(email).matches()) {
      return Future.failedFuture(ApiException.invalid("A valid email address is required."));
    }
    if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
      return Future.failedFuture(ApiException.invalid(
          "Password must be " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters."));
    }
    return vertx.executeBlocking(() -> Passwords.hash(password), false)
        .compose(hash -> users.insert(email.toLowerCase(), hash, admin));
  }

  /** Checks the password and issues a new token; the same 401 whether the email or the password was wrong. */
  public Future<String> login(String email, String password) {
    if (email == null || password == null) {
      return Future.failedFuture(ApiException.badRequest("email and password are required."));
    }
    return users.credentials(email.toLowerCase())
        .compose(found -> vertx.executeBlocking(
                () -> Passwords.matches(password, found.map(c -> c.passwordHash()).orElse(null)), false)
            .compose(ok -> ok
                ? issueToken(found.orElseThrow().user(), "login")
                : Future.failedFuture(ApiException.unauthorized("Invalid email or password."))));
  }

  public Future<String> issueToken(User user, String description) {
    String token = Tokens.generate();
    return tokens.insert(user.id(), Tokens.hash(token), description).map(v -> token);
  }

  /** The user with that email (any case), or a 422 naming it: someone to share an app or a team with. */
  public Future<User> byEmail(String email) {
    if (email == null || email.isBlank()) {
      return Future.failedFuture(ApiException.invalid("Field email is required."));
    }
    return users.byEmail(email.toLowerCase()).compose(user -> user.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.invalid("No user has the email " + email + "."))));
  }

  /** The token's user, or a 401. */
  public Future<User> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Future.failedFuture(ApiException.unauthorized("Missing or invalid API token."));
    }
    return tokens.userByTokenHash(Tokens.hash(token))
        .compose(user -> user.map(Future::succeededFuture)
            .orElseGet(() -> Future.failedFuture(ApiException.unauthorized("Missing or invalid API token."))));
  }
}
