package io.paas.router.proxy;

/** Ends a request's way to a dyno with a {@link RouterError}: the client gets its page, the log its code. */
final class RouteFailure extends RuntimeException {
  private final RouterError error;

  RouteFailure(RouterError error, Throwable cause) {
    // No stack trace: these are expected outcomes (a mistyped host, a crashed dyno), not bugs.
    super(error.description(), cause, false, false);
    this.error = error;
  }

  static RouteFailure of(RouterError error) {
    return new RouteFailure(error, null);
  }

  RouterError error() {
    return error;
  }
}
