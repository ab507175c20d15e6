package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.auth.Accounts;
import io.paas.controller.auth.SignUps;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Admins create users, admins among them; without a token, {@code POST /users} is a sign-up, if the operator allows. */
final class UsersApi {
  private final Accounts accounts;
  private final SignUps signUps;

  UsersApi(Accounts accounts, SignUps signUps) {
    this.accounts = accounts;
    this.signUps = signUps;
  }

  /** Ahead of the token check, only while sign-up is open; a request with credentials goes on to {@link #create}. */
  void mountPublic(Router router) {
    if (signUps.open()) {
      router.post("/users").handler(this::signUp);
    }
  }

  void mount(Router router) {
    router.post("/users").handler(this::create);
  }

  private void signUp(RoutingContext ctx) {
    if (Bearer.presented(ctx)) {
      ctx.next();
      return;
    }
    JsonObject body = JsonBody.of(ctx);
    if (!Boolean.FALSE.equals(body.getValue("admin", false))) {
      throw ApiException.forbidden("Only an admin can create admins.");
    }
    Responses.json(ctx, 201, signUps.signUp(JsonBody.string(body, "email"), JsonBody.string(body, "password"),
        ClientAddress.of(ctx)).map(Views::user));
  }

  private void create(RoutingContext ctx) {
    if (!Bearer.user(ctx).admin()) {
      throw ApiException.forbidden("Only an admin can create users.");
    }
    JsonObject body = JsonBody.of(ctx);
    Object admin = body.getValue("admin", false);
    if (!(admin instanceof Boolean)) {
      throw ApiException.badRequest("Field admin must be true or false.");
    }
    Responses.json(ctx, 201, accounts.createUser(JsonBody.string(body, "email"), JsonBody.string(body, "password"),
        (Boolean) admin).map(Views::user));
  }
}
