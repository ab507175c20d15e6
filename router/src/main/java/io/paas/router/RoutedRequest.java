package io.paas.router;

/**
 * One request the router took for an app, once its response is over: its router log line ({@code text}) and the
 * numbers the app's request metrics count, so nobody has to parse them back out of the line. {@code serviceMillis}
 * is how long the dyno had the request, {@link #NOT_SERVED} when no dyno got it (no dyno up, maintenance, a
 * connection that failed).
 */
public record RoutedRequest(String app, String text, int status, long serviceMillis) {
  public static final long NOT_SERVED = -1;
}
