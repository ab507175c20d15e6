package io.paas.controller.api;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The web console's files (classpath {@code webroot/}, from the web-ui jar) at {@code /}. The console holds an API
 * token, so its pages run only their own scripts, load nothing from elsewhere and cannot be framed. Its file names
 * carry no version, so every file is revalidated rather than kept: an upgrade's index.html never meets the last
 * version's scripts.
 */
final class ConsoleFiles {
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

  private ConsoleFiles() {
  }

  static void mount(Router router) {
    router.route("/*").handler(ConsoleFiles::secure).handler(StaticHandler.create("webroot"));
  }

  private static void secure(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "DENY");
    // Replaces the static handler's day-long "immutable"; Last-Modified stays, so an unchanged file is a 304.
    ctx.addHeadersEndHandler(v -> ctx.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-cache"));
    ctx.next();
  }
}
