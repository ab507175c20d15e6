package io.paas.controller.api;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Lets through only requests carrying {@code Authorization: Bearer} with the cluster token (agents, routers). */
final class ClusterTokenCheck {
  private final byte[] token;

  ClusterTokenCheck(String token) {
    this.token = token.getBytes(StandardCharsets.UTF_8);
  }

  void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    byte[] given = header == null || !header.startsWith("Bearer ") ? new byte[0]
        : header.substring(7).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(token, given)) {
      ctx.response().setStatusCode(401).end(new JsonObject().put("id", "unauthorized")
          .put("message", "Wrong cluster token.").encode());
      return;
    }
    ctx.next();
  }
}
