package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Waits for what the platform converges to in the background: dynos coming up, log lines arriving. */
final class Eventually {
  private static final Duration LIMIT = Duration.ofSeconds(60);

  private Eventually() {
  }

  interface Check {
    String read() throws Exception;
  }

  /** Reads until {@code done} accepts what was read, for up to a minute; returns the accepted reading. */
  static String await(String what, Check check, Predicate<String> done) throws Exception {
    Instant deadline = Instant.now().plus(LIMIT);
    String last = check.read();
    while (!done.test(last)) {
      assertThat(Instant.now()).as("%s within %d s; last seen:%n%s", what, LIMIT.toSeconds(), last)
          .isBefore(deadline);
      Thread.sleep(300);
      last = check.read();
    }
    return last;
  }
}
