package io.paas.controller.server;

import io.paas.agent.LogLine;
import io.paas.agent.LogSink;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;

/** What the agent's dynos print, and what happens to them, into the apps' logs. */
final class DynoLogs implements LogSink {
  private final LogHub logs;

  DynoLogs(LogHub logs) {
    this.logs = logs;
  }

  @Override
  public void line(LogLine line) {
    String source = line.stream().equals("platform") ? LogEntry.PLATFORM : LogEntry.APP;
    logs.append(line.app(), new LogEntry(line.time(), source, line.dyno(), line.text()));
  }
}
