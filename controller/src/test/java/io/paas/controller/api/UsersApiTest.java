package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The fixture's sign-up is closed, as a server's is by default. */
class UsersApiTest extends ApiTestBase {
  @Test
  void passwordsThatBreakTheRulesAreA422ThatSaysWhy() throws Exception {
    String email = "rules-" + UUID.randomUUID() + "@example.com";
    String[][] refused = {
        {"nine-char", "at least 10 characters"},
        {"x".repeat(73), "at most 72 bytes"},
        {email, "email"},
        {"password123", "common"},
    };
    for (String[] bad : refused) {
      Response response = api.call("POST", "/users", api.adminToken, body("email", email, "password", bad[0]));
      assertThat(response.status()).as(bad[0]).isEqualTo(422);
      assertThat(response.json().getString("id")).isEqualTo("invalid_params");
      assertThat(response.json().getString("message")).contains(bad[1]);
    }
    assertThat(api.call("POST", "/users", api.adminToken, "{\"email\": \"" + email + "\"}").status()).isEqualTo(422);
    assertThat(api.call("POST", "/users", api.adminToken, body("email", email, "password", "ten-chars!")).status())
        .isEqualTo(201);
  }

  @Test
  void withSignUpClosedOnlyAnAdminCreatesUsers() throws Exception {
    String request = body("email", "walk-in-" + UUID.randomUUID() + "@example.com", "password", "long-enough-1");

    assertThat(api.call("POST", "/users", null, request).status()).isEqualTo(401);
    assertThat(api.call("POST", "/users", api.newUser(), request).status()).isEqualTo(403);
    assertThat(api.call("POST", "/users", api.adminToken, request).status()).isEqualTo(201);
  }

  @Test
  void theLoginPageIsToldSignUpIsClosed() throws Exception {
    Response options = api.call("GET", "/auth/options", null, null);
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.json()).isEqualTo(new JsonObject().put("signup", false));
  }
}
