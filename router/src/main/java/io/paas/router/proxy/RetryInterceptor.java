package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Sends the request to a dyno, and to another one when that is safe: always if no connection was made (nothing was
 * sent), and after the dyno dropped the connection without answering only if the request can be repeated (an
 * idempotent method without a body: a body is never replayed). Names each failure with its {@link RouterError}, and
 * quarantines a dyno that refused, reset or dropped a connection, or could not be reached in time.
 *
 * <p>The innermost interceptor: each {@code sendRequest()} from here goes to the {@link BackendSelector} again.
 */
final class RetryInterceptor implements ProxyInterceptor {
  private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
      HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

  private final Quarantine quarantine;
  private final InFlightRequests inFlight;

  RetryInterceptor(Quarantine quarantine, InFlightRequests inFlight) {
    this.quarantine = quarantine;
    this.inFlight = inFlight;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    return attempt(context, Exchange.of(context));
  }

  private Future<ProxyResponse> attempt(ProxyContext context, Exchange exchange) {
    return context.sendRequest()
        // An earlier attempt's failure is not this exchange's outcome.
        .onSuccess(response -> exchange.error(null))
        .recover(failure -> {
          RouterError error = classify(failure, context, exchange);
          exchange.error(error);
          // Only a failed attempt at a dyno may lead to another one, so each retry is a new attempt: at most 3.
          if (!exchange.failed(inFlight)) {
            return Future.failedFuture(new RouteFailure(error, failure));
          }
          if (error == RouterError.CONNECT_TIMEOUT || error == RouterError.CONNECTION_REFUSED
              || error == RouterError.CONNECTION_CLOSED) {
            quarantine.add(exchange.backend());
          }
          if (!exchange.canRetry() || !isRetryable(error, context.request().proxiedRequest())) {
            return Future.failedFuture(new RouteFailure(error, failure));
          }
          if (error == RouterError.CONNECTION_CLOSED) {
            // The client's (empty) body was read by the failed attempt: the next one sends none.
            context.request().setBody(Body.body(Buffer.buffer()));
          }
          return attempt(context, exchange);
        });
  }

  private static RouterError classify(Throwable failure, ProxyContext context, Exchange exchange) {
    if (exchange.error() == RouterError.BODY_TOO_LARGE) {
      return RouterError.BODY_TOO_LARGE;
    }
    if (context.request().proxiedRequest().response().closed()) {
      return RouterError.CLIENT_INTERRUPTED;
    }
    if (failure instanceof RouteFailure route) {
      return route.error();
    }
    if (failure instanceof TimeoutException) {
      return RouterError.REQUEST_TIMEOUT;
    }
    if (failure instanceof IOException || failure instanceof HttpClosedException
        || failure instanceof StreamResetException) {
      return RouterError.CONNECTION_CLOSED;
    }
    return RouterError.PLATFORM_ERROR;
  }

  private static boolean isRetryable(RouterError error, HttpServerRequest request) {
    return switch (error) {
      case CONNECT_TIMEOUT, CONNECTION_REFUSED -> true;
      case CONNECTION_CLOSED -> IDEMPOTENT.contains(request.method()) && hasNoBody(request);
      default -> false;
    };
  }

  private static boolean hasNoBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return (length == null || length.equals("0")) && !request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
  }
}
