package io.paas.controller.api;

import io.paas.common.ApiException;
import io.vertx.core.json.DecodeException;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * Reads what an agent or router sent, all of it before anything is acted on: a body that is not JSON, has a field of
 * the wrong type or lacks one (unboxed to an NPE) is the caller's mistake, a 400, never the controller's 500.
 */
final class WireBody {
  private WireBody() {
  }

  static <T> T read(RoutingContext ctx, Function<RequestBody, T> reader, String expected) {
    try {
      return reader.apply(ctx.body());
    } catch (DecodeException | ClassCastException | IllegalArgumentException | NullPointerException e) {
      throw ApiException.badRequest("Request body must be " + expected + ".");
    }
  }

  /** The {@code ?after=} version an agent's or router's long poll has seen. */
  static long after(RoutingContext ctx) {
    try {
      return Long.parseLong(ctx.request().getParam("after", "0"));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("after must be a version number.");
    }
  }
}
