package io.paas.controller.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
  private static final LockoutRule ACCOUNTS =
      new LockoutRule(3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1));
  private static final LockoutRule ADDRESSES =
      new LockoutRule(5, Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofMinutes(1));

  private final TestClock clock = new TestClock();
  private final LoginLimiter limiter = new LoginLimiter(ACCOUNTS, ADDRESSES, clock);

  @Test
  void afterThreeFailuresEachFurtherOneLocksTheAccountTwiceAsLongUpToTheMaximum() {
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.begin("ann@example.com", "10.0.0.1")).as("failure " + (i + 1)).isEmpty();
    }
    for (long seconds : new long[] {1, 2, 4, 8, 8}) {
      assertThat(limiter.begin("ann@example.com", "10.0.0.1")).contains(Duration.ofSeconds(seconds));
      clock.advance(Duration.ofMillis(seconds * 1000 - 1));
      assertThat(limiter.begin("ann@example.com", "10.0.0.1")).contains(Duration.ofMillis(1));
      clock.advance(Duration.ofMillis(1));
      // From another address, so that the address's own count stays out of the way.
      assertThat(limiter.begin("ann@example.com", "10.0.0.2")).as("the lock is over: one more try").isEmpty();
    }
  }

  @Test
  void anAttemptCountsFromItsStartSoABurstOfParallelGuessesIsCutShort() {
    for (int i = 0; i < 3; i++) {
      limiter.begin("ann@example.com", "10.0.0.1");
    }

    assertThat(limiter.begin("ann@example.com", "10.0.0.1")).isPresent();
  }

  @Test
  void aSuccessClearsTheAccountsCount() {
    limiter.begin("ann@example.com", "10.0.0.1");
    limiter.begin("ann@example.com", "10.0.0.1");
    limiter.begin("ann@example.com", "10.0.0.1");
    limiter.succeeded("ann@example.com", "10.0.0.1");

    for (int i = 0; i < 3; i++) {
      // From another address, whose count the first three did not raise.
      assertThat(limiter.begin("ann@example.com", "10.0.0.2")).isEmpty();
    }
    assertThat(limiter.begin("ann@example.com", "10.0.0.2")).contains(Duration.ofSeconds(1));
  }

  @Test
  void anAddressFailingAcrossAccountsIsLockedForAllOfThemButOtherAddressesAreNot() {
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.begin("user" + i + "@example.com", "10.0.0.9")).isEmpty();
    }

    assertThat(limiter.begin("someone-else@example.com", "10.0.0.9")).contains(Duration.ofSeconds(10));
    assertThat(limiter.begin("someone-else@example.com", "10.0.0.7")).isEmpty();
  }

  @Test
  void aGoodLoginFromAnAddressDoesNotWipeItsFailuresAtOtherAccounts() {
    for (int i = 0; i < 4; i++) {
      limiter.begin("user" + i + "@example.com", "10.0.0.9");
    }
    limiter.begin("mine@example.com", "10.0.0.9");
    limiter.succeeded("mine@example.com", "10.0.0.9");

    assertThat(limiter.begin("user4@example.com", "10.0.0.9")).as("the fifth failure").isEmpty();
    assertThat(limiter.begin("user5@example.com", "10.0.0.9")).isPresent();
  }

  @Test
  void failuresAreForgottenAfterAQuietSpell() {
    for (int i = 0; i < 3; i++) {
      limiter.begin("ann@example.com", "10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(1).plusMillis(1));

    for (int i = 0; i < 3; i++) {
      assertThat(limiter.begin("ann@example.com", "10.0.0.1")).as("counting starts over").isEmpty();
    }
    assertThat(limiter.begin("ann@example.com", "10.0.0.1")).contains(Duration.ofSeconds(1));
  }

  @Test
  void aRuleWhoseStrikesWouldBeForgottenBeforeItsLockEndsIsRefused() {
    assertThatThrownBy(() -> new LockoutRule(3, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
