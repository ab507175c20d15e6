package io.paas.agent;

/**
 * Where the agent ships what dynos print and what happens to them. Called from several threads at once (one per
 * followed container, plus the agent's own): implementations must be thread-safe and quick, since a slow sink holds
 * up the container's stream. Lines of one stream of one container arrive in order; stdout and stderr are not
 * ordered against each other.
 */
@FunctionalInterface
public interface LogSink {
  void line(LogLine line);
}
