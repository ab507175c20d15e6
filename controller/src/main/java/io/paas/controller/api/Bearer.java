package io.paas.controller.api;

import io.paas.controller.auth.Accounts;
import io.paas.controller.store.User;
import io.vertx.ext.web.RoutingContext;

/** Checks {@code Authorization: Bearer TOKEN} and puts the caller in the context for the handlers after it. */
final class Bearer {
  private static final String USER = "paas.user";
  private static final String PREFIX = "Bearer ";

  private final Accounts accounts;

  Bearer(Accounts accounts) {
    this.accounts = accounts;
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        ? header.substring(PREFIX.length()).trim() : null;
    accounts.authenticate(token).onSuccess(user -> {
      ctx.put(USER, user);
      ctx.next();
    }).onFailure(ctx::fail);
  }

  static User user(RoutingContext ctx) {
    return ctx.get(USER);
  }
}
