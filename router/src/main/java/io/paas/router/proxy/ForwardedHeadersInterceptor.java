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
 * the client's own {@code X-Forwarded-*} are not to be believed: the router's view replaces them (the client's
 * address is appended to the chain). Behind the TLS front (Caddy on loopback) the front is the client-facing hop, so
 * the headers it set are kept, and only those it left out are filled in.
 */
final class ForwardedHeadersInterceptor implements ProxyInterceptor {
  private static final String VIA = "1.1 paas-router";
  private static final String FOR = "X-Forwarded-For";
  private static final String PROTO = "X-Forwarded-Proto";
  private static final String PORT = "X-Forwarded-Port";
  private static final String HOST = "X-Forwarded-Host";

  private final boolean behindTls;

  ForwardedHeadersInterceptor(boolean behindTls) {
    this.behindTls = behindTls;
  }

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    HttpServerRequest client = context.request().proxiedRequest();
    MultiMap headers = context.request().headers();
    if (!behindTls || !headers.contains(FOR)) {
      headers.set(FOR, appended(headers.getAll(FOR), client.remoteAddress().hostAddress()));
    }
    if (!behindTls || !headers.contains(PROTO)) {
      headers.set(PROTO, client.scheme());
    }
    if (!behindTls || !headers.contains(PORT)) {
      headers.set(PORT, Integer.toString(client.localAddress().port()));
    }
    HostAndPort host = client.authority();
    if (host != null && (!behindTls || !headers.contains(HOST))) {
      headers.set(HOST, host.toString());
    }
    headers.set("Via", appended(headers.getAll("Via"), VIA));
    Exchange.of(context).forwardedFor(headers.get(FOR));
    return context.sendRequest();
  }

  private static String appended(List<String> earlier, String value) {
    return earlier.isEmpty() ? value : String.join(", ", earlier) + ", " + value;
  }
}
