package io.paas.router;

/**
 * Where the router reports each request it took for an app: its line for the app's log, in Heroku's format
 * ({@code at=info method=GET path="/" host=… status=200 …}), with the status and service time as numbers for the
 * app's metrics. Called on the router's event loops, several at once: it must be thread-safe and must not block.
 */
@FunctionalInterface
public interface RouterLog {
  RouterLog NONE = request -> { };

  void request(RoutedRequest request);

  /** Reports to this log, then to {@code next}. */
  default RouterLog andThen(RouterLog next) {
    return request -> {
      request(request);
      next.request(request);
    };
  }
}
