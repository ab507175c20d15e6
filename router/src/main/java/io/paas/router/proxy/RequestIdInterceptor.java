package io.paas.router.proxy;

import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives each request an {@code X-Request-Id}, seen by the dyno, returned to the client and logged, so one request can
 * be followed through the logs. A client's own id is kept when it looks sane (Heroku's rule: 20 to 200 letters,
 * digits, {@code + / = -}), so ids can span systems.
 */
final class RequestIdInterceptor implements ProxyInterceptor {
  private static final String X_REQUEST_ID = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9+/=-]{20,200}");

  @Override
  public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
    String given = context.request().headers().get(X_REQUEST_ID);
    String id = given != null && SANE.matcher(given).matches() ? given : randomUuid();
    context.request().putHeader(X_REQUEST_ID, id);
    Exchange.of(context).requestId(id);
    return context.sendRequest();
  }

  /**
   * A version 4 UUID from a per-thread generator: {@link UUID#randomUUID()} draws on one shared SecureRandom, a
   * contention point for every event loop, and an id only needs to be unique, not secret (clients choose their own).
   */
  private static String randomUuid() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long version4 = random.nextLong() & ~0xF000L | 0x4000L;
    long ietfVariant = random.nextLong() & ~(0xC0L << 56) | (0x80L << 56);
    return new UUID(version4, ietfVariant).toString();
  }

  @Override
  public Future<Void> handleProxyResponse(ProxyContext context) {
    context.response().putHeader(X_REQUEST_ID, Exchange.of(context).requestId());
    return context.sendResponse();
  }
}
