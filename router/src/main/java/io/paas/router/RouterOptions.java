package io.paas.router;

import java.time.Duration;

/**
 * The router's tunables. Per-app settings (maintenance, request timeout) live in {@link RouteSettings} instead.
 *
 * @param domain apps answer at {@code APP.DOMAIN}
 * @param connectTimeout how long to wait for a connection to a dyno (H19 after that)
 * @param quarantine how long a dyno that refused, reset or dropped a connection gets no new requests
 * @param maxBodySize the largest request body passed on, in bytes (413 above)
 * @param maxHeaderSize the largest request line, and the largest header block, in bytes (414 and 431 above)
 * @param headDeadline how long a connection may go without a request under way before it is closed: the time a
 *     client has to send a request head, from connecting or from its last response ({@code RequestHeadDeadline})
 * @param instances how many event loops serve requests, each with its own server and dyno connections
 */
public record RouterOptions(String domain, Duration connectTimeout, Duration quarantine, long maxBodySize,
                            int maxHeaderSize, Duration headDeadline, int instances) {

  public RouterOptions {
    if (connectTimeout.isNegative() || connectTimeout.isZero() || quarantine.isNegative()
        || headDeadline.isNegative() || headDeadline.isZero()) {
      throw new IllegalArgumentException("Timeouts must be positive: " + connectTimeout + ", " + quarantine + ", "
          + headDeadline);
    }
    if (maxBodySize < 0 || maxHeaderSize <= 0 || instances <= 0) {
      throw new IllegalArgumentException("Limits must be positive: " + maxBodySize + ", " + maxHeaderSize + ", "
          + instances);
    }
  }

  /**
   * Heroku's connect timeout, nginx's header limits and header timeout (client_header_timeout), a body limit no web
   * form reaches, one instance per core.
   */
  public static RouterOptions defaults(String domain) {
    return new RouterOptions(domain, Duration.ofSeconds(5), Duration.ofSeconds(5), 100L * 1024 * 1024, 8 * 1024,
        Duration.ofSeconds(60), Runtime.getRuntime().availableProcessors());
  }

  public RouterOptions withConnectTimeout(Duration timeout) {
    return new RouterOptions(domain, timeout, quarantine, maxBodySize, maxHeaderSize, headDeadline, instances);
  }

  public RouterOptions withQuarantine(Duration period) {
    return new RouterOptions(domain, connectTimeout, period, maxBodySize, maxHeaderSize, headDeadline, instances);
  }

  public RouterOptions withMaxBodySize(long bytes) {
    return new RouterOptions(domain, connectTimeout, quarantine, bytes, maxHeaderSize, headDeadline, instances);
  }

  public RouterOptions withMaxHeaderSize(int bytes) {
    return new RouterOptions(domain, connectTimeout, quarantine, maxBodySize, bytes, headDeadline, instances);
  }

  public RouterOptions withHeadDeadline(Duration deadline) {
    return new RouterOptions(domain, connectTimeout, quarantine, maxBodySize, maxHeaderSize, deadline, instances);
  }

  public RouterOptions withInstances(int count) {
    return new RouterOptions(domain, connectTimeout, quarantine, maxBodySize, maxHeaderSize, headDeadline, count);
  }
}
