package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.MediaType;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a request no dyno answered with a small HTML page saying why, never to be cached, and records the
 * {@link RouterError} on the exchange for its log line. Failures without a name are platform errors (H99).
 */
final class ErrorPageInterceptor implements ProxyInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorPageInterceptor.class);
  private static final MediaType HTML = MediaType.parse("text/html;charset=utf-8");
  private static final String ERROR = "router.errorPage";
  private static final Map<RouterError, String> PAGES = new EnumMap<>(RouterError.class);
  /** Seconds: when crawlers and API clients should look again; maintenance windows are short. */
  private static final String MAINTENANCE_RETRY_AFTER = "60";

  static {
    for (RouterError error : RouterError.values()) {
      PAGES.put(error, """
          <!DOCTYPE html>
          <html><head><meta charset="utf-8"><title>%1$s</title></head>
          <body><h1>%1$s</h1><p>%2$s</p></body></html>
          """.formatted(error.description(), error.explanation()));
    }
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    return context.sendRequest().recover(failure -> {
      RouterError error = failure instanceof RouteFailure route ? route.error() : RouterError.PLATFORM_ERROR;
      if (error == RouterError.PLATFORM_ERROR) {
        LOG.warn("Unexpected failure for {}", context.request().proxiedRequest().authority(), failure);
      } else {
        LOG.debug("{} {}: {}", error.status(), context.request().proxiedRequest().authority(), error.description(),
            failure.getCause());
      }
      Exchange exchange = Exchange.of(context);
      if (exchange != null) {
        exchange.error(error);
      }
      context.set(ERROR, error);
      ProxyResponse page = context.request().release().response()
          .setStatusCode(error.status())
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .setBody(Body.body(Buffer.buffer(PAGES.get(error)), HTML));
      if (error == RouterError.MAINTENANCE) {
        page.putHeader(HttpHeaders.RETRY_AFTER, MAINTENANCE_RETRY_AFTER);
      }
      return Future.succeededFuture(page);
    });
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext context) {
    RouterError error = context.get(ERROR, RouterError.class);
    if (error == null) {
      return context.sendResponse();
    }
    // Sent here rather than passed on: the library's WebSocket branch expects a dyno's response behind it.
    if (error != RouterError.BODY_TOO_LARGE) {
      return context.response().send();
    }
    // The rest of an oversized body is not worth reading: the client learns so, and the connection goes.
    HttpConnection connection = context.request().proxiedRequest().connection();
    return context.response().putHeader(HttpHeaders.CONNECTION, "close").send().andThen(sent -> connection.close());
  }
}
