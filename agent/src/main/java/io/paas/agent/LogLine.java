package io.paas.agent;

import java.time.Instant;

/**
 * One line a dyno printed, or one lifecycle event of it ({@link #PLATFORM}). {@code time} is when the engine saw the
 * line; {@code text} has no line end and is cut at about 10 KiB.
 */
public record LogLine(String app, String dyno, Instant time, String stream, String text) {
  public static final String STDOUT = "stdout";
  public static final String STDERR = "stderr";
  /** Events of the dyno told by the agent, as Heroku's {@code heroku[web.1]} lines. */
  public static final String PLATFORM = "platform";
}
