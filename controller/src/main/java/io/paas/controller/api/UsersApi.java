package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.auth.Accounts;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Admins create users; sign-up by anyone is a later operator setting. */
final class UsersApi {
  private final Accounts accounts;

  UsersApi(Accounts accounts) {
    this.accounts = accounts;
  }

  void mount(Router router) {
    router.post("/users").handler(this::create);
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
