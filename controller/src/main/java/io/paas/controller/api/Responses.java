package io.paas.controller.api;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Ends a request with the JSON a future yields, or hands its failure to the error handler. */
final class Responses {
  private Responses() {
  }

  static void json(RoutingContext ctx, int status, Future<?> result) {
    result.onSuccess(body -> {
      String encoded = body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode();
      ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(encoded);
    }).onFailure(ctx::fail);
  }
}
