package io.paas.controller.api;

import io.paas.controller.auth.ApiTokens;
import io.paas.controller.store.User;
import io.vertx.ext.web.RoutingContext;

/** Checks {@code Authorization: Bearer TOKEN} and puts the caller in the context for the handlers after it. */
final class Bearer {
  private static final String USER = "paas.user";
  private static final String TOKEN_ID = "paas.token";
  private static final String PREFIX = "Bearer ";

  private final ApiTokens tokens;

  Bearer(ApiTokens tokens) {
    this.tokens = tokens;
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
        ? header.substring(PREFIX.length()).trim() : null;
    tokens.authenticate(token).onSuccess(owner -> {
      ctx.put(USER, owner.user());
      ctx.put(TOKEN_ID, owner.tokenId());
      ctx.next();
    }).onFailure(ctx::fail);
  }

  /** Whether the request carries credentials, good or not, for the routes that anyone may call without. */
  static boolean presented(RoutingContext ctx) {
    return ctx.request().getHeader("Authorization") != null;
  }

  static User user(RoutingContext ctx) {
    return ctx.get(USER);
  }

  /** Which of the caller's tokens this request came with. */
  static long tokenId(RoutingContext ctx) {
    return ctx.get(TOKEN_ID);
  }
}
