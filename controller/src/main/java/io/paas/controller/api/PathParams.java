package io.paas.controller.api;

import io.paas.common.ApiException;
import io.vertx.ext.web.RoutingContext;

final class PathParams {
  private PathParams() {
  }

  static long number(RoutingContext ctx, String name) {
    return number(ctx.pathParam(name), name);
  }

  /** A positive id or version; anything else is a 404, as no resource can have that name. */
  static long number(String value, String name) {
    try {
      long n = Long.parseLong(value);
      if (n > 0 && n <= Integer.MAX_VALUE) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.notFound("No " + name + " " + value + ".");
  }
}
