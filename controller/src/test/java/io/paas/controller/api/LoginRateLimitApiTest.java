package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Password guessing against the fixture's short locks ({@link ApiFixture#ACCOUNT_LOCKS}), on the fixture's clock. */
class LoginRateLimitApiTest extends ApiTestBase {
  @Test
  void guessingOneAccountsPasswordIsLockedOutLongerEachTimeAndTheRightPasswordWorksOnceTheLockEnds() throws Exception {
    String email = api.newAccount().email();
    for (int i = 0; i < 3; i++) {
      assertThat(guess(email).status()).as("guess " + (i + 1)).isEqualTo(401);
    }
    long[] locks = {1, 2, 4, 4};
    for (int i = 0; i < locks.length; i++) {
      Response locked = guess(email);
      assertThat(locked.status()).isEqualTo(429);
      assertThat(locked.json().getString("id")).isEqualTo("rate_limited");
      assertThat(locked.json().getString("message")).contains("Too many failed logins");
      assertThat(locked.headers().firstValue("Retry-After")).contains(Long.toString(locks[i]));
      assertThat(login(email, ApiCalls.USER_PASSWORD).status()).as("even the right password waits").isEqualTo(429);
      platform.clock.advance(Duration.ofSeconds(locks[i]));
      if (i < locks.length - 1) {
        assertThat(guess(email).status()).as("one more guess once the lock ends").isEqualTo(401);
      }
    }

    assertThat(login(email, ApiCalls.USER_PASSWORD).status()).isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(guess(email).status()).as("a success starts the count over").isEqualTo(401);
    }
    assertThat(guess(email).status()).isEqualTo(429);
  }

  @Test
  void aLockedAccountDoesNotLockOthers() throws Exception {
    String locked = api.newAccount().email();
    String other = api.newAccount().email();
    for (int i = 0; i < 4; i++) {
      guess(locked);
    }

    assertThat(guess(locked).status()).isEqualTo(429);
    assertThat(login(other, ApiCalls.USER_PASSWORD).status()).isEqualTo(200);
  }

  @Test
  void anUnknownEmailIsLockedOutJustAsAnAccountIs() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(guess("nobody@example.com").status()).isEqualTo(401);
    }
    assertThat(guess("nobody@example.com").status()).isEqualTo(429);
  }

  private static Response guess(String email) throws Exception {
    return login(email, "wrong-password-1");
  }

  private static Response login(String email, String password) throws Exception {
    return api.call("POST", "/auth/login", null, body("email", email, "password", password));
  }
}
