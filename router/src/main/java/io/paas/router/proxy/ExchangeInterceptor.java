package io.paas.router.proxy;

import io.paas.router.RoutedRequest;
import io.paas.router.RouterLog;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Opens an {@link Exchange} for each request to a known app, and closes it when the response is over, fully written
 * or cut off: ends its in-flight count and reports it to the {@link RouterLog}. Any other host gets 404 and no log
 * line: the request is no app's.
 */
final class ExchangeInterceptor implements ProxyInterceptor {
  private final AppHosts hosts;
  private final RouterLog log;
  private final InFlightRequests inFlight;
  private final String protocol;

  ExchangeInterceptor(AppHosts hosts, RouterLog log, InFlightRequests inFlight, boolean behindTls) {
    this.hosts = hosts;
    this.log = log;
    this.inFlight = inFlight;
    this.protocol = behindTls ? "https" : "http";
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    HttpServerRequest request = context.request().proxiedRequest();
    HostAndPort authority = request.authority();
    Optional<String> app = hosts.appOf(authority);
    if (app.isEmpty()) {
      return Future.failedFuture(RouteFailure.of(RouterError.NO_SUCH_APP));
    }
    Exchange exchange = new Exchange(app.get(), request.method().name(), request.uri(), authority.host(), protocol);
    exchange.attachTo(context);
    HttpServerResponse response = request.response();
    Handler<Void> over = v -> end(exchange, response, false);
    response.endHandler(over).closeHandler(over);
    if (context.isWebSocket()) {
      // The upgraded connection lives as long as the client wants: the exchange is the handshake.
      response.headersEndHandler(v -> {
        if (response.getStatusCode() == 101) {
          end(exchange, response, true);
        }
      });
    }
    return context.sendRequest();
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext context) {
    Exchange exchange = Exchange.of(context);
    if (exchange == null) {
      return context.sendResponse();
    }
    HttpServerResponse response = context.request().proxiedRequest().response();
    return context.sendResponse().onFailure(failure -> {
      // The proxy cuts the client off only after the dyno broke off; a client that left first is closed already.
      if (!response.closed() && exchange.error() == null) {
        exchange.error(RouterError.SERVER_INTERRUPTED);
      }
    });
  }

  private void end(Exchange exchange, HttpServerResponse response, boolean upgraded) {
    if (!exchange.end()) {
      return;
    }
    exchange.release(inFlight);
    if (!upgraded && !response.ended() && exchange.error() == null) {
      exchange.error(RouterError.CLIENT_INTERRUPTED);
    }
    int status = exchange.error() == RouterError.CLIENT_INTERRUPTED
        ? RouterError.CLIENT_INTERRUPTED.status()
        : response.getStatusCode();
    long endedAt = System.nanoTime();
    long serviceNanos = exchange.serviceNanos(endedAt);
    log.request(new RoutedRequest(exchange.app(), RouterLogLine.of(exchange, status, response.bytesWritten(), endedAt),
        status, serviceNanos < 0 ? RoutedRequest.NOT_SERVED : TimeUnit.NANOSECONDS.toMillis(serviceNanos)));
  }
}
