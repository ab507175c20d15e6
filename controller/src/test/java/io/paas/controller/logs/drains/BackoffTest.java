package io.paas.controller.logs.drains;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry waits: doubling from the minimum to the maximum, cut by jitter to between half and all of that. */
class BackoffTest {
  @Test
  void waitsDoubleUpToTheMaximum() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0);

    assertThat(waits(backoff, 9)).containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
  }

  @Test
  void jitterTakesUpToHalfOff() {
    assertThat(waits(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0), 3))
        .containsExactly(250L, 500L, 1000L);
  }

  @Test
  void aSuccessStartsOverFromTheMinimum() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0);
    waits(backoff, 4);

    backoff.reset();

    assertThat(backoff.nextMillis()).isEqualTo(500);
  }

  @Test
  void manyFailuresDoNotOverflow() {
    Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 1.0);
    assertThat(waits(backoff, 100)).allMatch(wait -> wait > 0 && wait <= 30_000);
  }

  private static List<Long> waits(Backoff backoff, int count) {
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      waits.add(backoff.nextMillis());
    }
    return waits;
  }
}
