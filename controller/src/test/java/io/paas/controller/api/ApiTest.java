package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;

import io.paas.controller.auth.Tokens;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiTest extends ApiTestBase {
  static String adminToken;

  @BeforeAll
  static void rememberTheAdminToken() {
    adminToken = api.adminToken;
  }

  @Test
  void loginReturnsATokenThatIsStoredOnlyAsItsHash() throws Exception {
    String token = api.login(ApiFixture.ADMIN_EMAIL, ApiFixture.ADMIN_PASSWORD);
    assertThat(api.call("GET", "/account", token, null).json().getString("email")).isEqualTo(ApiFixture.ADMIN_EMAIL);

    var plain = platform.pool.preparedQuery("SELECT count(*) FROM api_tokens WHERE token_hash = $1 OR description = $1")
        .execute(Tuple.of(token)).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    var hashed = platform.pool.preparedQuery("SELECT count(*) FROM api_tokens WHERE token_hash = $1")
        .execute(Tuple.of(Tokens.hash(token))).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    assertThat(plain).isZero();
    assertThat(hashed).isEqualTo(1);
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSame401() throws Exception {
    Response wrong = api.call("POST", "/auth/login", null,
        body("email", ApiFixture.ADMIN_EMAIL, "password", "nope-nope"));
    Response unknown = api.call("POST", "/auth/login", null,
        body("email", "ghost@example.com", "password", "nope-nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json()).isEqualTo(unknown.json());
  }

  @Test
  void everyEndpointNeedsAValidToken() throws Exception {
    String app = api.newApp(adminToken);
    List<String[]> endpoints = List.of(
        new String[] {"GET", "/account"}, new String[] {"POST", "/users"}, new String[] {"GET", "/apps"},
        new String[] {"POST", "/apps"}, new String[] {"GET", "/apps/" + app}, new String[] {"DELETE", "/apps/" + app},
        new String[] {"GET", "/apps/" + app + "/builds"}, new String[] {"GET", "/apps/" + app + "/builds/1"},
        new String[] {"GET", "/apps/" + app + "/releases"}, new String[] {"GET", "/apps/" + app + "/releases/v1"});
    for (String token : new String[] {null, "paas_not-a-real-token", ""}) {
      for (String[] endpoint : endpoints) {
        Response response = api.call(endpoint[0], endpoint[1], token, "{}");
        assertThat(response.status()).as(endpoint[0] + " " + endpoint[1] + " with " + token).isEqualTo(401);
        assertThat(response.json().getString("id")).isEqualTo("unauthorized");
      }
    }
    assertThat(api.call("GET", "/apps/" + app, adminToken, null).status()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsA400WithAClearMessage() throws Exception {
    for (String bad : new String[] {"{", "[1,2]", "", "\"name\"", "{\"name\": 5}", "{\"name\": [\"x\"]}"}) {
      Response response = api.call("POST", "/apps", adminToken, bad);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.json().getString("id")).isEqualTo("bad_request");
      assertThat(response.json().getString("message")).isNotBlank();
    }
    assertThat(api.call("POST", "/auth/login", null, "{\"email\":").status()).isEqualTo(400);
    assertThat(api.call("POST", "/auth/login", null, "{}").status()).isEqualTo(400);
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    String huge = body("name", "x".repeat(200_000));
    Response response = api.call("POST", "/apps", adminToken, huge);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().getString("id")).isEqualTo("request_too_large");
  }

  @Test
  void appNamesAreValidated() throws Exception {
    for (String bad : new String[] {"Bad", "ab", "1abc", "a_b", "a".repeat(31), "app-", "a.b", "../x", "ab c"}) {
      Response response = api.call("POST", "/apps", adminToken, body("name", bad));
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.json().getString("message")).contains("lowercase");
    }
    assertThat(api.call("POST", "/apps", adminToken, "{}").status()).isEqualTo(422);
  }

  @Test
  void aDuplicateAppNameIsA409() throws Exception {
    String app = api.newApp(adminToken);
    Response again = api.call("POST", "/apps", adminToken, body("name", app));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message")).contains(app);
  }

  @Test
  void anAppGoesThroughItsLifecycle() throws Exception {
    String app = api.newApp(adminToken);
    JsonObject info = api.call("GET", "/apps/" + app, adminToken, null).json();
    assertThat(info.getString("owner")).isEqualTo(ApiFixture.ADMIN_EMAIL);
    assertThat(info.getString("git_url")).endsWith("/git/" + app + ".git");
    assertThat(info.getString("web_url")).isEqualTo("http://" + app + ".localhost:8080/");
    assertThat(info.getString("release")).isNull();
    assertThat(api.call("GET", "/apps", adminToken, null).array().stream().map(o -> ((JsonObject) o).getString("name")))
        .contains(app);
    assertThat(api.call("GET", "/apps/" + app + "/releases", adminToken, null).array()).isEmpty();
    assertThat(api.call("GET", "/apps/" + app + "/builds", adminToken, null).array()).isEmpty();
    assertThat(api.call("GET", "/apps/" + app + "/builds/999999", adminToken, null).status()).isEqualTo(404);
    assertThat(api.call("GET", "/apps/" + app + "/releases/v1", adminToken, null).status()).isEqualTo(404);
    assertThat(api.call("GET", "/apps/" + app + "/releases/vx", adminToken, null).status()).isEqualTo(404);

    assertThat(api.call("DELETE", "/apps/" + app, adminToken, null).json().getString("name")).isEqualTo(app);
    assertThat(api.call("GET", "/apps/" + app, adminToken, null).status()).isEqualTo(404);
  }

  @Test
  void anotherUsersAppIsA404NeverA403() throws Exception {
    String bob = api.newUser();
    String alice = api.newUser();
    String app = api.newApp(bob);
    for (String[] endpoint : new String[][] {
        {"GET", "/apps/" + app}, {"DELETE", "/apps/" + app}, {"GET", "/apps/" + app + "/builds"},
        {"GET", "/apps/" + app + "/builds/1"}, {"GET", "/apps/" + app + "/releases"},
        {"GET", "/apps/" + app + "/releases/1"}}) {
      Response response = api.call(endpoint[0], endpoint[1], alice, null);
      assertThat(response.status()).as(endpoint[1]).isEqualTo(404);
      assertThat(response.json().getString("message")).doesNotContain("bob");
    }
    assertThat(api.call("GET", "/apps", alice, null).array()).isEmpty();
    assertThat(api.call("GET", "/apps/" + app, bob, null).status()).isEqualTo(200);
    assertThat(api.call("GET", "/apps/missing-" + app, alice, null).json())
        .isEqualTo(api.call("GET", "/apps/" + app, alice, null).json());
  }

  @Test
  void onlyAnAdminCreatesUsersAndTheirInputIsChecked() throws Exception {
    String user = api.newUser();
    assertThat(api.call("POST", "/users", user, body("email", "x@example.com", "password", "long-enough-1")).status())
        .isEqualTo(403);
    String email = "dup-" + UUID.randomUUID() + "@example.com";
    assertThat(api.call("POST", "/users", adminToken, body("email", email, "password", "long-enough-1")).status())
        .isEqualTo(201);
    assertThat(api.call("POST", "/users", adminToken, body("email", email, "password", "long-enough-1")).status())
        .isEqualTo(409);
    assertThat(api.call("POST", "/users", adminToken, body("email", "not-an-email", "password", "long-enough-1"))
        .status()).isEqualTo(422);
    assertThat(api.call("POST", "/users", adminToken, body("email", "s" + email, "password", "short")).status())
        .isEqualTo(422);
    assertThat(api.call("POST", "/users", adminToken, "{\"email\": \"a@b.c\", \"password\": \"long-enough-1\", "
        + "\"admin\": \"yes\"}").status()).isEqualTo(400);
  }

  @Test
  void unknownPathsAnswerJson404AndHealthAnswers() throws Exception {
    Response unknown = api.call("GET", "/nope", adminToken, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("id")).isEqualTo("not_found");
    assertThat(api.call("GET", "/health", null, null).status()).isEqualTo(200);
  }
}
