package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;

/**
 * Drops the headers that describe one connection only (RFC 9110 section 7.6.1) where the library leaves them: those
 * a {@code Connection} header names, both ways, and the dyno's own {@code Connection}/{@code Keep-Alive}, which
 * would otherwise make clients close their kept-alive connection to the router whenever a dyno closes its own.
 */
final class HopByHopInterceptor implements ProxyInterceptor {
  private static final List<CharSequence> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, HttpHeaders.KEEP_ALIVE,
      HttpHeaders.PROXY_AUTHENTICATE, "TE", "Trailer", HttpHeaders.UPGRADE);

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    removeNamedByConnection(context.request().proxiedRequest().headers(), context.request().headers());
    return context.sendRequest();
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext context) {
    MultiMap headers = context.response().headers();
    removeNamedByConnection(headers, headers);
    HOP_BY_HOP.forEach(headers::remove);
    return context.sendResponse();
  }

  private static void removeNamedByConnection(MultiMap received, MultiMap forwarded) {
    for (String value : received.getAll(HttpHeaders.CONNECTION)) {
      for (String name : value.split(",")) {
        forwarded.remove(name.trim());
      }
    }
  }
}
