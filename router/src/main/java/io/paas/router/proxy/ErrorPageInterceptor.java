package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.MediaType;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers a request that reached no dyno with a small HTML page saying why (404, 502 or 503). */
public final class ErrorPageInterceptor implements ProxyInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPageInterceptor.class);
  private static final MediaType HTML = MediaType.parse("text/html;charset=utf-8");
  private static final String ERROR_PAGE = "router.errorPage";

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    return context.sendRequest().recover(failure -> {
      RouteFailure route = failure instanceof RouteFailure known ? known : RouteFailure.badGateway(failure);
      LOG.debug("{} {}: {}", route.status(), context.request().proxiedRequest().authority(), route.getMessage(),
          route.getCause());
      context.set(ERROR_PAGE, true);
      return Future.succeededFuture(context.request().release().response()
          .setStatusCode(route.status())
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .setBody(Body.body(Buffer.buffer(page(route)), HTML)));
    });
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext context) {
    // Sent here rather than passed on: the library's WebSocket branch expects a dyno's response behind it.
    return Boolean.TRUE.equals(context.get(ERROR_PAGE, Boolean.class))
        ? context.response().send()
        : context.sendResponse();
  }

  private static String page(RouteFailure route) {
    return """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>%1$s</title></head>
        <body><h1>%1$s</h1><p>%2$s</p></body></html>
        """.formatted(route.title(), route.getMessage());
  }
}
