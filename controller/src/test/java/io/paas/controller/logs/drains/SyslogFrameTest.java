package io.paas.controller.logs.drains;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.logs.LogEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lines as RFC 5424 messages in octet-counted frames, byte for byte as Heroku's drains send them. */
class SyslogFrameTest {
  static final Instant TIME = Instant.parse("2026-11-27T10:00:00.123456Z");
  static final String TOKEN = "d.1234";

  @Test
  void anAppLineIsLocal7InfoFromAppWithTheDynoAsProcId() {
    assertThat(frame(new LogEntry(TIME, LogEntry.APP, "web.1", "hello")))
        .isEqualTo("66 <190>1 2026-11-27T10:00:00.123456+00:00 d.1234 app web.1 - - hello");
  }

  @Test
  void aRouterLineIsLocal3InfoFromHeroku() {
    assertThat(frame(new LogEntry(TIME, LogEntry.ROUTER, "router", "at=info method=GET path=\"/\"")))
        .isEqualTo("92 <158>1 2026-11-27T10:00:00.123456+00:00 d.1234 heroku router - - at=info method=GET path=\"/\"");
  }

  @Test
  void platformLinesComeFromHerokuButTheApisFromApp() {
    assertThat(frame(new LogEntry(TIME, LogEntry.PLATFORM, "web.1", "State changed from starting to up")))
        .endsWith(" d.1234 heroku web.1 - - State changed from starting to up");
    assertThat(frame(new LogEntry(TIME, LogEntry.PLATFORM, "api", "Release v2 created")))
        .endsWith(" d.1234 app api - - Release v2 created");
    assertThat(frame(new LogEntry(TIME, LogEntry.BUILD, "build", "-----> Building")))
        .endsWith(" d.1234 app build - - -----> Building");
  }

  @Test
  void theLengthCountsBytesNotCharacters() {
    LogEntry line = new LogEntry(Instant.parse("2026-11-27T10:00:00.000001Z"), LogEntry.PLATFORM, "api",
        "caf\u00e9 \u2713");
    assertThat(frame(line)).isEqualTo("68 <190>1 2026-11-27T10:00:00.000001+00:00 d.1234 app api - - caf\u00e9 \u2713");
  }

  @Test
  void aProcIdKeepsToPrintableAsciiWithoutSpaces() {
    assertThat(frame(new LogEntry(TIME, LogEntry.APP, "run 1\u00e9", "x"))).contains(" app run_1_ - - x");
    assertThat(frame(new LogEntry(TIME, LogEntry.APP, "", "x"))).contains(" app - - - x");
  }

  @Test
  void aMessageMaySpanLinesAsTheCountSaysWhereItEnds() {
    String frame = frame(new LogEntry(TIME, LogEntry.APP, "web.1", "one\ntwo"));
    assertThat(OctetFrames.split(SyslogFrame.of(new LogEntry(TIME, LogEntry.APP, "web.1", "one\ntwo"), TOKEN)))
        .containsExactly(frame.substring(frame.indexOf(' ') + 1));
  }

  private static String frame(LogEntry line) {
    return new String(SyslogFrame.frame(line, TOKEN), StandardCharsets.UTF_8);
  }
}
