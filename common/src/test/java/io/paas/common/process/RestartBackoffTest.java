package io.paas.common.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
  private final RestartBackoff backoff = new RestartBackoff();

  @Test
  void doublesWhileTheProcessKeepsDyingSoonAfterStarting() {
    assertThat(backoff.after(Duration.ZERO)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.after(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void neverWaitsLongerThanTheLongestDelay() {
    for (int i = 0; i < 10; i++) {
      backoff.after(Duration.ZERO);
    }

    assertThat(backoff.after(Duration.ZERO)).isEqualTo(RestartBackoff.LONGEST);
  }

  @Test
  void startsOverOnceTheProcessRanForAWhile() {
    backoff.after(Duration.ZERO);
    backoff.after(Duration.ZERO);

    assertThat(backoff.after(RestartBackoff.STABLE)).isEqualTo(RestartBackoff.FIRST);
    assertThat(backoff.after(Duration.ZERO)).isEqualTo(RestartBackoff.FIRST.multipliedBy(2));
  }
}
