package io.paas.router;

/**
 * Where the router's one line per request goes: the app's log stream, in Heroku's format
 * ({@code at=info method=GET path="/" host=… status=200 …}). Called on an event loop: it must not block.
 */
@FunctionalInterface
public interface RouterLog {
  RouterLog NONE = (app, line) -> { };

  void line(String app, String text);
}
