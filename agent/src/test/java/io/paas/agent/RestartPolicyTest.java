package io.paas.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
  @Test
  void theFirstRestartIsAtOnceThenTheWaitDoublesUpToTheCap() {
    RestartPolicy policy = RestartPolicy.DEFAULT;

    assertThat(IntStream.rangeClosed(1, 11).mapToObj(policy::delay).map(Duration::toSeconds))
        .containsExactly(0L, 2L, 4L, 8L, 16L, 32L, 64L, 128L, 256L, 300L, 300L);
    assertThat(policy.delay(10_000)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void rejectsAPolicyWithoutAWaitOrWithACapBelowIt() {
    assertThatThrownBy(() -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
