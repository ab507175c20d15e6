package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.audit.AuditAction;
import io.paas.controller.audit.AuditLog;
import io.paas.controller.auth.ApiTokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The caller's own API tokens, at {@code /auth/tokens} and at {@code /account/tokens} alike: made (the token shown
 * this once), listed (never the token) and revoked, {@code current} being the one the request came with.
 */
final class TokensApi {
  private final ApiTokens tokens;
  private final AuditLog audit;

  TokensApi(ApiTokens tokens, AuditLog audit) {
    this.audit = audit;
    this.tokens = tokens;
  }

  void mount(Router router) {
    for (String base : new String[] {"/auth/tokens", "/account/tokens"}) {
      router.post(base).handler(this::create);
      router.get(base).handler(this::list);
      router.delete(base + "/current").handler(ctx -> revoke(ctx, Bearer.tokenId(ctx)));
      router.delete(base + "/:id").handler(ctx -> revoke(ctx, PathParams.number(ctx.pathParam("id"), "token")));
    }
  }

  private void create(RoutingContext ctx) {
    JsonObject body = JsonBody.of(ctx);
    Object days = body.getValue("expires_in_days");
    if (days != null && !(days instanceof Integer)) {
      throw ApiException.invalid(ApiTokens.LIFETIME_RULE);
    }
    Responses.json(ctx, 201, tokens.create(Bearer.user(ctx), JsonBody.string(body, "description"), (Integer) days)
        .compose(issued -> audit.record(Callers.actor(ctx), AuditAction.TOKEN_CREATE, null,
            Map.of("token", issued.token().id(), "description", issued.token().description())).map(issued))
        .map(issued -> Views.token(issued.token()).put("token", issued.secret())));
  }

  private void list(RoutingContext ctx) {
    long current = Bearer.tokenId(ctx);
    Responses.json(ctx, 200, tokens.list(Bearer.user(ctx)).map(all -> new JsonArray(all.stream()
        .map(token -> Views.token(token).put("current", token.id() == current)).toList())));
  }

  private void revoke(RoutingContext ctx, long id) {
    Responses.json(ctx, 200, tokens.revoke(Bearer.user(ctx), id)
        .compose(token -> audit.record(Callers.actor(ctx), AuditAction.TOKEN_REVOKE, null,
            Map.of("token", token.id())).map(token))
        .map(Views::token));
  }
}
