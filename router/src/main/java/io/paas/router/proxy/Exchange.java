package io.paas.router.proxy;

import io.paas.router.Backend;
import io.vertx.httpproxy.ProxyContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * One request to a known app, from its arrival to the end of its response: the dyno attempts made for it and what
 * became of them, which is what its router log line tells. Filled in by the interceptors and the backend selector, all
 * on the request's event loop.
 */
final class Exchange {
  private static final String KEY = "router.exchange";

  private final String app;
  private final String method;
  private final String path;
  private final String host;
  private final String protocol;
  private String requestId = "";
  private String forwardedFor = "";
  private RouterError error;

  private int attempts;
  private int maxAttempts;
  private List<Backend> tried;
  private Backend backend;
  private boolean counted;
  private long attemptStartedAt;
  private long connectNanos = -1;
  private boolean connected;
  private long connectedAt;
  private boolean ended;

  Exchange(String app, String method, String path, String host, String protocol) {
    this.app = app;
    this.method = method;
    this.path = path;
    this.host = host;
    this.protocol = protocol;
  }

  static Exchange of(ProxyContext context) {
    return context.get(KEY, Exchange.class);
  }

  void attachTo(ProxyContext context) {
    context.set(KEY, this);
  }

  /** A new attempt at this backend, already counted in flight; ends with {@link #release} or {@link #failed}. */
  void attempt(Backend chosen, int maxAttempts, long now) {
    backend = chosen;
    counted = true;
    attempts++;
    this.maxAttempts = Math.max(this.maxAttempts, maxAttempts);
    attemptStartedAt = now;
    connectNanos = -1;
    connected = false;
  }

  void connected(long now) {
    connectNanos = now - attemptStartedAt;
    connected = true;
    connectedAt = now;
  }

  void connectFailed(long now) {
    connectNanos = now - attemptStartedAt;
  }

  /**
   * The current attempt failed: its backend is not tried again for this request. False if no attempt was under way
   * (the failure came before one, or the exchange is over).
   */
  boolean failed(InFlightRequests inFlight) {
    if (!counted) {
      return false;
    }
    release(inFlight);
    if (tried == null) {
      tried = new ArrayList<>(2);
    }
    tried.add(backend);
    return true;
  }

  /** Ends the in-flight count of the current attempt, once. */
  void release(InFlightRequests inFlight) {
    if (counted) {
      counted = false;
      inFlight.finished(backend);
    }
  }

  boolean canRetry() {
    return attempts < maxAttempts;
  }

  Collection<Backend> tried() {
    return tried == null ? List.of() : tried;
  }

  /** Marks the exchange over; false if it already was. */
  boolean end() {
    boolean first = !ended;
    ended = true;
    return first;
  }

  String app() {
    return app;
  }

  String method() {
    return method;
  }

  String path() {
    return path;
  }

  String host() {
    return host;
  }

  String protocol() {
    return protocol;
  }

  String requestId() {
    return requestId;
  }

  void requestId(String id) {
    requestId = id;
  }

  String forwardedFor() {
    return forwardedFor;
  }

  void forwardedFor(String chain) {
    forwardedFor = chain;
  }

  RouterError error() {
    return error;
  }

  void error(RouterError what) {
    error = what;
  }

  /** The dyno of the latest attempt, null if none was chosen. */
  Backend backend() {
    return backend;
  }

  /** How long the latest attempt took to connect, or to fail to; -1 if none got that far. */
  long connectNanos() {
    return connectNanos;
  }

  /** How long the dyno of the latest attempt had the request until {@code endedAt}; -1 if it never got it. */
  long serviceNanos(long endedAt) {
    return connected ? endedAt - connectedAt : -1;
  }
}
