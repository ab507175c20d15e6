package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Lets in request bodies up to the size limit: a declared length over it gets 413 before a byte of the body is read,
 * a chunked body is counted as it streams through (see {@link SizeLimitedBody}). A client that waits for
 * {@code 100 Continue} gets it from here, once the request has passed every check before the dyno.
 */
final class RequestBodyInterceptor implements ProxyInterceptor {
  private final long maxBodySize;

  RequestBodyInterceptor(long maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    Body body = context.request().getBody();
    if (body.length() > maxBodySize) {
      return Future.failedFuture(RouteFailure.of(RouterError.BODY_TOO_LARGE));
    }
    HttpServerRequest client = context.request().proxiedRequest();
    if (body.length() < 0 && client.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
      context.request().setBody(Body.body(new SizeLimitedBody(body.stream(), maxBodySize, Exchange.of(context)),
          -1, body.mediaType()));
    }
    if (client.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
      client.response().writeContinue();
      // Answered here: the dyno must not answer it again.
      context.request().headers().remove(HttpHeaders.EXPECT);
    }
    return context.sendRequest();
  }
}
