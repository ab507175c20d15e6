package io.paas.router.proxy;

/** Why a request could not reach a dyno, with the status and page the client gets. */
final class RouteFailure extends RuntimeException {
  private final int status;
  private final String title;

  private RouteFailure(int status, String title, String explanation, Throwable cause) {
    // No stack trace: these are expected outcomes (a mistyped host, a scaled-down app), not bugs.
    super(explanation, cause, false, false);
    this.status = status;
    this.title = title;
  }

  static RouteFailure noSuchApp() {
    return new RouteFailure(404, "No such app", "There is no app configured at this host name.", null);
  }

  static RouteFailure noWebDynos() {
    return new RouteFailure(503, "No web dynos running", "This app has no web dynos running. Scale it up.", null);
  }

  static RouteFailure dynosUnreachable() {
    return new RouteFailure(503, "Dyno unreachable", "None of the app's web dynos could be reached.", null);
  }

  static RouteFailure badGateway(Throwable cause) {
    return new RouteFailure(502, "Bad gateway", "The dyno did not send a valid response.", cause);
  }

  int status() {
    return status;
  }

  String title() {
    return title;
  }
}
