package io.paas.router.proxy;

/**
 * Why a request was not answered by a dyno, or not fully: Heroku's router codes, so runbooks written for Heroku read
 * our logs as they are. Each has the status the client gets and, when the router answers itself, a page.
 */
enum RouterError {
  NO_SUCH_APP(null, "No such app", 404, "There is no app configured at this host name."),
  REQUEST_TIMEOUT("H12", "Request timeout", 504, "The app did not answer in time."),
  CONNECTION_CLOSED("H13", "Connection closed without response", 502,
      "The app closed the connection without answering."),
  NO_WEB_DYNOS("H14", "No web dynos running", 503, "This app has no web dynos running. Scale it up."),
  /** The dyno broke off a response it had started: logged with the dyno's status, which the client already has. */
  SERVER_INTERRUPTED("H18", "Server Request Interrupted", 502, "The app broke off its response."),
  CONNECT_TIMEOUT("H19", "Backend connection timeout", 503, "The app's web dynos could not be reached in time."),
  CONNECTION_REFUSED("H21", "Backend connection refused", 503, "None of the app's web dynos could be reached."),
  BODY_TOO_LARGE("H25", "HTTP Restriction", 413, "The request body is larger than this router accepts."),
  /** The client went away first; 499 is what Heroku and nginx log for it, the client never sees it. */
  CLIENT_INTERRUPTED("H27", "Client Request Interrupted", 499, "The client went away."),
  MAINTENANCE("H80", "Maintenance mode", 503, "This app is down for maintenance. Please check back soon."),
  PLATFORM_ERROR("H99", "Platform error", 503, "The router failed to handle this request.");

  private final String code;
  private final String description;
  private final int status;
  private final String explanation;

  RouterError(String code, String description, int status, String explanation) {
    this.code = code;
    this.description = description;
    this.status = status;
    this.explanation = explanation;
  }

  /** Heroku's code, e.g. {@code H12}; none for an unknown host, which is no app's event. */
  String code() {
    return code;
  }

  String description() {
    return description;
  }

  int status() {
    return status;
  }

  /** What the error page says. */
  String explanation() {
    return explanation;
  }

  /** Logged at info level: the platform and the dyno did what they should (Heroku logs these so too). */
  boolean informational() {
    return this == MAINTENANCE || this == CLIENT_INTERRUPTED;
  }
}
