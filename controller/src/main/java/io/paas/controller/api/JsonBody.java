package io.paas.controller.api;

import io.paas.common.ApiException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The request's JSON object, or a 400 that says what was wrong with it. */
final class JsonBody {
  private JsonBody() {
  }

  static JsonObject of(RoutingContext ctx) {
    try {
      Object json = ctx.body().buffer() == null || ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
      if (json == null) {
        throw ApiException.badRequest("Request body must be a JSON object.");
      }
      return (JsonObject) json;
    } catch (DecodeException | ClassCastException e) {
      throw ApiException.badRequest("Request body is not valid JSON: expected an object.");
    }
  }

  /** A string field, or null when absent; any other type is a 400. */
  static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value != null && !(value instanceof String)) {
      throw ApiException.badRequest("Field " + field + " must be a string.");
    }
    return (String) value;
  }
}
