package io.paas.controller.api;

import io.paas.controller.auth.Accounts;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Login, and the caller's own account. */
final class AuthApi {
  private final Accounts accounts;

  AuthApi(Accounts accounts) {
    this.accounts = accounts;
  }

  void mountPublic(Router router) {
    router.post("/auth/login").handler(this::login);
  }

  void mount(Router router) {
    router.get("/account").handler(this::account);
  }

  private void login(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    String email = JsonBody.string(body, "email");
    Responses.json(ctx, 200, accounts.login(email, JsonBody.string(body, "password"), ClientAddress.of(ctx))
        .map(issued -> Views.token(issued.token()).put("token", issued.secret()).put("email", email.toLowerCase())));
  }

  private void account(RoutingContext ctx) {
    Responses.json(ctx, 200, Future.succeededFuture(Views.user(Bearer.user(ctx))));
  }
}
