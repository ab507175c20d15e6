package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.common.RateLimited;
import io.paas.controller.store.DatabaseOutage;
import io.paas.controller.store.UnstorableText;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure becomes {"id","message"} with its status; unexpected ones are logged and told apart by an id. */
final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
  /** Seconds: the embedded database is started again within about one. */
  private static final String RETRY_AFTER_OUTAGE = "2";

  private ApiErrors() {
  }

  static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    if (failure instanceof RateLimited limited) {
      ctx.response().putHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
    }
    if (failure instanceof ApiException api) {
      send(ctx, api.status(), api.toJson());
    } else if (UnstorableText.is(failure)) {
      send(ctx, 400, new JsonObject().put("id", "bad_request").put("message", "Text may not contain NUL characters."));
    } else if (failure == null) {
      send(ctx, ctx.statusCode(), byStatus(ctx.statusCode()));
    } else if (DatabaseOutage.causedBy(failure)) {
      LOG.warn("{} {} failed: the database is unavailable ({})", ctx.request().method(), ctx.request().path(),
          failure.toString());
      ctx.response().putHeader("Retry-After", RETRY_AFTER_OUTAGE);
      send(ctx, 503, new JsonObject().put("id", "database_unavailable")
          .put("message", "The platform's database is unavailable; try again in a moment."));
    } else {
      LOG.error("Unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      send(ctx, 500, new JsonObject().put("id", "internal_error").put("message", "Internal error."));
    }
  }

  static void notFound(RoutingContext ctx) {
    send(ctx, 404, new JsonObject().put("id", "not_found").put("message", "No such endpoint."));
  }

  /** A path Vert.x could not decode (%zz, %00) reaches no route and no failure handler; this answers it. */
  static void undecodablePath(RoutingContext ctx) {
    send(ctx, 400, new JsonObject().put("id", "bad_request").put("message", "The path is not valid URL encoding."));
  }

  private static JsonObject byStatus(int status) {
    String id = switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 413 -> "request_too_large";
      case 415 -> "unsupported_media_type";
      default -> "error";
    };
    String message = switch (status) {
      case 413 -> "Request body too large.";
      case 415 -> "Content-Type must be application/json.";
      default -> "Request failed with status " + status + ".";
    };
    return new JsonObject().put("id", id).put("message", message);
  }

  private static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(body.encode());
  }
}
