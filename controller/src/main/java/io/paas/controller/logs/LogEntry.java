package io.paas.controller.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One line of an app's log. {@code source} is what API filters on (app, router, build, platform); {@code process}
 * says who spoke (web.1, api, build, router).
 */
public record LogEntry(Instant time, String source, String process, String text) {
  public static final String APP = "app";
  public static final String ROUTER = "router";
  public static final String BUILD = "build";
  public static final String PLATFORM = "platform";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  public static LogEntry now(String source, String process, String text) {
    return new LogEntry(Instant.now(), source, process, text);
  }

  /** Heroku's format: the app's own words and the API's are {@code app[...]}, the platform's {@code heroku[...]}. */
  public String format() {
    return timestamp() + " " + speaker() + "[" + process + "]: " + text;
  }

  /** {@code app} for the app's own words and the API's, {@code heroku} for the platform's. */
  public String speaker() {
    boolean heroku = source.equals(ROUTER) || (source.equals(PLATFORM) && !process.equals("api"));
    return heroku ? "heroku" : "app";
  }

  /** UTC with microseconds, as Heroku writes it: {@code 2026-11-27T10:00:00.123456+00:00}. */
  public String timestamp() {
    return TIME.format(time);
  }
}
