package io.paas.router;

/**
 * Where the router's one line per request goes: the app's log stream, in Heroku's format
 * ({@code at=info method=GET path="/" host=… status=200 …}). Called on the router's event loops, several at once:
 * it must be thread-safe and must not block.
 */
@FunctionalInterface
public interface RouterLog {
  RouterLog NONE = (app, line) -> { };

  void line(String app, String text);
}
