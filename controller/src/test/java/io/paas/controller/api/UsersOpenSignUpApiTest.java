package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link ApiFixture#SIGNUP_LOCKS} allows two sign-ups from an address, then a wait. */
@ApiTestBase.OpenSignUp
class UsersOpenSignUpApiTest extends ApiTestBase {
  @Test
  void anyoneSignsUpAsAPlainUserAFewTimesPerAddressThenWaits() throws Exception {
    String email = newEmail();
    Response created = api.call("POST", "/users", null, body("email", email, "password", "long-enough-1"));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.json().getBoolean("admin")).isFalse();
    assertThat(api.login(email, "long-enough-1")).startsWith("paas_");

    Response weak = api.call("POST", "/users", null, body("email", newEmail(), "password", "short"));
    assertThat(weak.status()).as("a refused sign-up counts too").isEqualTo(422);

    Response limited = api.call("POST", "/users", null, body("email", newEmail(), "password", "long-enough-1"));
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).contains("60");

    platform.clock.advance(Duration.ofSeconds(60));
    assertThat(api.call("POST", "/users", null, body("email", newEmail(), "password", "long-enough-1")).status())
        .isEqualTo(201);
  }

  @Test
  void aSignUpCannotMakeAnAdminButAnAdminStill() throws Exception {
    Response refused = api.call("POST", "/users", null,
        "{\"email\": \"" + newEmail() + "\", \"password\": \"long-enough-1\", \"admin\": true}");
    assertThat(refused.status()).isEqualTo(403);

    Response byAdmin = api.call("POST", "/users", api.adminToken,
        "{\"email\": \"" + newEmail() + "\", \"password\": \"long-enough-1\", \"admin\": true}");
    assertThat(byAdmin.status()).isEqualTo(201);
    assertThat(byAdmin.json().getBoolean("admin")).isTrue();
    assertThat(api.call("POST", "/users", "paas_not-a-real-token", body("email", newEmail(), "password",
        "long-enough-1")).status()).as("a bad token is not a sign-up").isEqualTo(401);
  }

  @Test
  void theLoginPageIsToldSignUpIsOpen() throws Exception {
    Response options = api.call("GET", "/auth/options", null, null);
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.json()).isEqualTo(new JsonObject().put("signup", true));
  }

  private static String newEmail() {
    return "signup-" + UUID.randomUUID() + "@example.com";
  }
}
