package io.paas.controller.logs;

import io.paas.common.ApiException;
import java.util.Set;

/**
 * Which lines a reader wants: a source, and a dyno by name ({@code web.1}) or by type ({@code web}). The source
 * {@code api} is the platform's lines that the API wrote ({@code app[api]}: releases, config, scaling…), without
 * the dynos' state changes.
 */
public record LogFilter(String source, String dyno) {
  private static final String API = "api";
  private static final Set<String> SOURCES =
      Set.of(LogEntry.APP, LogEntry.ROUTER, LogEntry.BUILD, LogEntry.PLATFORM, API);

  public LogFilter {
    if (source != null && !SOURCES.contains(source)) {
      throw ApiException.invalid("source must be one of app, router, build, platform, api.");
    }
    if (dyno != null && !dyno.matches("[a-zA-Z0-9_.-]{1,64}")) {
      throw ApiException.invalid("dyno must be a dyno name such as web.1 or a process type such as web.");
    }
  }

  public boolean matches(LogEntry line) {
    return fromSource(line) && (dyno == null || dyno.equals(line.process()) || line.process().startsWith(dyno + "."));
  }

  private boolean fromSource(LogEntry line) {
    if (API.equals(source)) {
      return line.source().equals(LogEntry.PLATFORM) && line.process().equals(API);
    }
    return source == null || source.equals(line.source());
  }
}
