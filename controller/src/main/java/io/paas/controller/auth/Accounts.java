package io.paas.controller.auth;

import io.paas.common.ApiException;
import io.paas.common.Printable;
import io.paas.common.RateLimited;
import io.paas.controller.store.User;
import io.paas.controller.store.UserStore;
import io.paas.controller.store.UserSummary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Users and logins: the rules around the stores. */
public final class Accounts {
  private static final Logger LOG = LoggerFactory.getLogger(Accounts.class);
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}");

  private final Vertx vertx;
  private final UserStore users;
  private final ApiTokens tokens;
  private final LoginLimiter limiter;

  public Accounts(Vertx vertx, UserStore users, ApiTokens tokens, LoginLimiter limiter) {
    this.vertx = vertx;
    this.users = users;
    this.tokens = tokens;
    this.limiter = limiter;
  }

  public Future<User> createUser(String email, String password, boolean admin) {
    if (email == null || !EMAIL.matcher(email).matches()) {
      return Future.failedFuture(ApiException.invalid("A valid email address is required."));
    }
    Optional<String> weak = PasswordRules.problem(email, password);
    if (weak.isPresent()) {
      return Future.failedFuture(ApiException.invalid(weak.get()));
    }
    return vertx.executeBlocking(() -> Passwords.hash(password), false)
        .compose(hash -> users.insert(email.toLowerCase(Locale.ROOT), hash, admin));
  }

  /**
   * Checks the password and issues a login token; the same 401 whether the email or the password was wrong, and the
   * same 429 once the account or the address {@code from} has failed too often, whether or not the account exists.
   */
  public Future<IssuedToken> login(String email, String password, String from) {
    if (email == null || password == null) {
      return Future.failedFuture(ApiException.badRequest("email and password are required."));
    }
    String account = email.toLowerCase(Locale.ROOT);
    Optional<Duration> wait = limiter.begin(account, from);
    if (wait.isPresent()) {
      return Future.failedFuture(new RateLimited("Too many failed logins.", wait.get()));
    }
    return users.credentials(account)
        .compose(found -> vertx.executeBlocking(
                () -> Passwords.matches(password, found.map(c -> c.passwordHash()).orElse(null)), false)
            .compose(ok -> {
              if (!ok) {
                LOG.warn("Failed login for {} from {}", Printable.of(account), from);
                return Future.failedFuture(ApiException.unauthorized("Invalid email or password."));
              }
              limiter.succeeded(account, from);
              return tokens.issueLogin(found.orElseThrow().user());
            }));
  }

  /** Every account, for operators. */
  public Future<List<UserSummary>> all() {
    return users.summaries();
  }

  /** The user with this email, whatever its case, or a 404. */
  public Future<User> find(String email) {
    return users.byEmail(email.toLowerCase(Locale.ROOT))
        .map(user -> user.orElseThrow(() -> ApiException.notFound("No user " + Printable.of(email) + ".")));
  }

  /** The user with that email (any case), or a 422 naming it: someone to share an app or a team with. */
  public Future<User> byEmail(String email) {
    if (email == null || email.isBlank()) {
      return Future.failedFuture(ApiException.invalid("Field email is required."));
    }
    return users.byEmail(email.toLowerCase(Locale.ROOT)).compose(user -> user.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(ApiException.invalid("No user has the email "
            + Printable.of(email) + "."))));
  }
}
