package io.paas.controller.logs.drains;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.logs.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An https drain's post: Heroku's Logplex body and headers. */
class LogplexBatchTest {
  static final Instant TIME = Instant.parse("2026-11-27T10:00:00.123456Z");

  @Test
  void theBodyIsTheLinesFramesBackToBack() {
    LogplexBatch batch = new LogplexBatch(List.of(new LogEntry(TIME, LogEntry.APP, "web.1", "hello"),
        new LogEntry(TIME, LogEntry.ROUTER, "router", "at=info")), "d.1234", "frame-1");

    assertThat(batch.body().toString()).isEqualTo(
        "66 <190>1 2026-11-27T10:00:00.123456+00:00 d.1234 app web.1 - - hello"
            + "72 <158>1 2026-11-27T10:00:00.123456+00:00 d.1234 heroku router - - at=info");
  }

  @Test
  void theHeadersCountTheLinesAndNameTheDrainAndThePost() {
    LogplexBatch batch = new LogplexBatch(List.of(new LogEntry(TIME, LogEntry.APP, "web.1", "a"),
        new LogEntry(TIME, LogEntry.APP, "web.1", "b"), new LogEntry(TIME, LogEntry.APP, "web.2", "c")),
        "d.1234", "frame-1");

    assertThat(batch.headers()).isEqualTo(Map.of("Content-Type", "application/logplex-1", "Logplex-Msg-Count", "3",
        "Logplex-Frame-Id", "frame-1", "Logplex-Drain-Token", "d.1234"));
  }
}
