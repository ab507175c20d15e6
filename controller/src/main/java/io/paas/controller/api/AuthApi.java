package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.audit.Actor;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.SignUps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Login, what a login page may offer, and the caller's own account. Logins, and refused ones, go to the audit log;
 * passwords never do.
 */
final class AuthApi {
  private final Accounts accounts;
  private final SignUps signUps;
  private final AuditLog audit;

  AuthApi(Accounts accounts, SignUps signUps, AuditLog audit) {
    this.accounts = accounts;
    this.signUps = signUps;
    this.audit = audit;
  }

  void mountPublic(Router router) {
    router.post("/auth/login").handler(this::login);
    router.get("/auth/options").handler(this::options);
  }

  void mount(Router router) {
    router.get("/account").handler(this::account);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    String email = JsonBody.string(body, "email");
    String address = Callers.address(ctx);
    Responses.json(ctx, 200, accounts.login(email, JsonBody.string(body, "password"), ClientAddress.of(ctx))
        .compose(issued -> audit.record(Actor.of(issued.owner(), address), AuditAction.LOGIN, null, Map.of())
            .map(Views.token(issued.token()).put("token", issued.secret()).put("email", email.toLowerCase())))
        .recover(e -> refused(e, email, address)));
  }

  /** A wrong email or password (401) is recorded under the email tried; a malformed request is not. */
  private Future<JsonObject> refused(Throwable e, String email, String address) {
    if (!(e instanceof ApiException api) || api.status() != 401) {
      return Future.failedFuture(e);
    }
    return audit.record(Actor.attempt(email.toLowerCase(), address), AuditAction.LOGIN_FAILED, null, Map.of())
        .compose(v -> Future.failedFuture(e));
  }

  /** Whether a stranger may sign up, so the console offers it only when it would work. */
  private void options(RoutingContext ctx) {
    Responses.json(ctx, 200, Future.succeededFuture(new JsonObject().put("signup", signUps.open())));
  }

  private void account(RoutingContext ctx) {
    Responses.json(ctx, 200, Future.succeededFuture(Views.user(Bearer.user(ctx))));
  }
}
