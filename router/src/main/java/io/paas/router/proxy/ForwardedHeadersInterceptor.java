package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;

/**
 * Tells the dyno who really asked and how: the {@code X-Forwarded-*} headers and {@code Via}. On the public listener
 * the client's own {@code X-Forwarded-Proto/Port/Host} are not to be believed, so the router's view replaces them, and
 * the client's address is appended to {@code X-Forwarded-For}. Behind the TLS front (Caddy on loopback) the front is
 * the client-facing hop: the {@code X-Forwarded-*} it set are the truth and pass unchanged.
 */
final class ForwardedHeadersInterceptor implements ProxyInterceptor {
  private static final String VIA = "1.1 paas-router";
  private static final String FOR = "X-Forwarded-For";

  private final boolean behindTls;

  ForwardedHeadersInterceptor(boolean behindTls) {
    this.behindTls = behindTls;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    MultiMap headers = context.request().headers();
    if (!behindTls) {
      HttpServerRequest client = context.request().proxiedRequest();
      headers.set(FOR, appended(headers.getAll(FOR), client.remoteAddress().hostAddress()));
      headers.set("X-Forwarded-Proto", client.scheme());
      headers.set("X-Forwarded-Port", Integer.toString(client.localAddress().port()));
      HostAndPort host = client.authority();
      if (host != null) {
        headers.set("X-Forwarded-Host", host.toString());
      }
    }
    headers.set("Via", appended(headers.getAll("Via"), VIA));
    String forwardedFor = headers.get(FOR);
    Exchange.of(context).forwardedFor(forwardedFor == null ? "" : forwardedFor);
    return context.sendRequest();
  }

  private static String appended(List<String> earlier, String value) {
    return earlier.isEmpty() ? value : String.join(", ", earlier) + ", " + value;
  }
}
