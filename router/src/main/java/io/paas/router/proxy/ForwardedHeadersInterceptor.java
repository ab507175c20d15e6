package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.List;

/** Tells the dyno who really asked and how: the {@code X-Forwarded-*} headers and {@code Via}. */
public final class ForwardedHeadersInterceptor implements ProxyInterceptor {
  private static final String VIA = "1.1 paas-router";

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    HttpServerRequest client = context.request().proxiedRequest();
    MultiMap headers = context.request().headers();
    headers.set("X-Forwarded-For", appended(headers.getAll("X-Forwarded-For"), client.remoteAddress().hostAddress()));
    headers.set("X-Forwarded-Proto", client.scheme());
    headers.set("X-Forwarded-Port", Integer.toString(client.localAddress().port()));
    HostAndPort host = client.authority();
    if (host != null) {
      headers.set("X-Forwarded-Host", host.toString());
    }
    headers.set("Via", appended(headers.getAll("Via"), VIA));
    // The router has answered 100 Continue itself and streams the body regardless.
    headers.remove(HttpHeaders.EXPECT);
    return context.sendRequest();
  }

  private static String appended(List<String> earlier, String value) {
    return earlier.isEmpty() ? value : String.join(", ", earlier) + ", " + value;
  }
}
