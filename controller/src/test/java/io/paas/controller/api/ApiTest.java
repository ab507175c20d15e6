package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.auth.Tokens;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiTest {
  @TempDir
  static Path dataDir;
  static ApiFixture platform;
  static String adminToken;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    platform = new ApiFixture(dataDir);
    adminToken = login(ApiFixture.ADMIN_EMAIL, ApiFixture.ADMIN_PASSWORD);
  }

  @AfterAll
  static void stop() throws Exception {
    platform.close();
  }

  @Test
  void loginReturnsATokenThatIsStoredOnlyAsItsHash() throws Exception {
    String token = login(ApiFixture.ADMIN_EMAIL, ApiFixture.ADMIN_PASSWORD);
    assertThat(call("GET", "/account", token, null).json().getString("email")).isEqualTo(ApiFixture.ADMIN_EMAIL);

    var plain = platform.pool.preparedQuery("SELECT count(*) FROM api_tokens WHERE token_hash = $1 OR description = $1")
        .execute(Tuple.of(token)).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    var hashed = platform.pool.preparedQuery("SELECT count(*) FROM api_tokens WHERE token_hash = $1")
        .execute(Tuple.of(Tokens.hash(token))).await(10, TimeUnit.SECONDS).iterator().next().getLong(0);
    assertThat(plain).isZero();
    assertThat(hashed).isEqualTo(1);
  }

  @Test
  void aWrongPasswordAndAnUnknownEmailGetTheSame401() throws Exception {
    Response wrong = call("POST", "/auth/login", null, body("email", ApiFixture.ADMIN_EMAIL, "password", "nope-nope"));
    Response unknown = call("POST", "/auth/login", null, body("email", "ghost@example.com", "password", "nope-nope"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(wrong.json()).isEqualTo(unknown.json());
  }

  @Test
  void everyEndpointNeedsAValidToken() throws Exception {
    String app = newApp(adminToken);
    List<String[]> endpoints = List.of(
        new String[] {"GET", "/account"}, new String[] {"POST", "/users"}, new String[] {"GET", "/apps"},
        new String[] {"POST", "/apps"}, new String[] {"GET", "/apps/" + app}, new String[] {"DELETE", "/apps/" + app},
        new String[] {"GET", "/apps/" + app + "/builds"}, new String[] {"GET", "/apps/" + app + "/builds/1"},
        new String[] {"GET", "/apps/" + app + "/releases"}, new String[] {"GET", "/apps/" + app + "/releases/v1"});
    for (String token : new String[] {null, "paas_not-a-real-token", ""}) {
      for (String[] endpoint : endpoints) {
        Response response = call(endpoint[0], endpoint[1], token, "{}");
        assertThat(response.status()).as(endpoint[0] + " " + endpoint[1] + " with " + token).isEqualTo(401);
        assertThat(response.json().getString("id")).isEqualTo("unauthorized");
      }
    }
    assertThat(call("GET", "/apps/" + app, adminToken, null).status()).isEqualTo(200);
  }

  @Test
  void malformedJsonIsA400WithAClearMessage() throws Exception {
    for (String bad : new String[] {"{", "[1,2]", "", "\"name\"", "{\"name\": 5}", "{\"name\": [\"x\"]}"}) {
      Response response = call("POST", "/apps", adminToken, bad);
      assertThat(response.status()).as(bad).isEqualTo(400);
      assertThat(response.json().getString("id")).isEqualTo("bad_request");
      assertThat(response.json().getString("message")).isNotBlank();
    }
    assertThat(call("POST", "/auth/login", null, "{\"email\":").status()).isEqualTo(400);
    assertThat(call("POST", "/auth/login", null, "{}").status()).isEqualTo(400);
  }

  @Test
  void anOversizedBodyIsRefusedWith413() throws Exception {
    String huge = body("name", "x".repeat(200_000));
    Response response = call("POST", "/apps", adminToken, huge);
    assertThat(response.status()).isEqualTo(413);
    assertThat(response.json().getString("id")).isEqualTo("request_too_large");
  }

  @Test
  void appNamesAreValidated() throws Exception {
    for (String bad : new String[] {"Bad", "ab", "1abc", "a_b", "a".repeat(31), "app-", "a.b", "../x", "ab c"}) {
      Response response = call("POST", "/apps", adminToken, body("name", bad));
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.json().getString("message")).contains("lowercase");
    }
    assertThat(call("POST", "/apps", adminToken, "{}").status()).isEqualTo(422);
  }

  @Test
  void aDuplicateAppNameIsA409() throws Exception {
    String app = newApp(adminToken);
    Response again = call("POST", "/apps", adminToken, body("name", app));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message")).contains(app);
  }

  @Test
  void anAppGoesThroughItsLifecycle() throws Exception {
    String app = newApp(adminToken);
    JsonObject info = call("GET", "/apps/" + app, adminToken, null).json();
    assertThat(info.getString("owner")).isEqualTo(ApiFixture.ADMIN_EMAIL);
    assertThat(info.getString("git_url")).endsWith("/git/" + app + ".git");
    assertThat(info.getString("web_url")).isEqualTo("http://" + app + ".localhost:8080/");
    assertThat(info.getString("release")).isNull();
    assertThat(call("GET", "/apps", adminToken, null).array().stream().map(o -> ((JsonObject) o).getString("name")))
        .contains(app);
    assertThat(call("GET", "/apps/" + app + "/releases", adminToken, null).array()).isEmpty();
    assertThat(call("GET", "/apps/" + app + "/builds", adminToken, null).array()).isEmpty();
    assertThat(call("GET", "/apps/" + app + "/builds/999999", adminToken, null).status()).isEqualTo(404);
    assertThat(call("GET", "/apps/" + app + "/releases/v1", adminToken, null).status()).isEqualTo(404);
    assertThat(call("GET", "/apps/" + app + "/releases/vx", adminToken, null).status()).isEqualTo(404);

    assertThat(call("DELETE", "/apps/" + app, adminToken, null).json().getString("name")).isEqualTo(app);
    assertThat(call("GET", "/apps/" + app, adminToken, null).status()).isEqualTo(404);
  }

  @Test
  void anotherUsersAppIsA404NeverA403() throws Exception {
    String bob = newUser();
    String alice = newUser();
    String app = newApp(bob);
    for (String[] endpoint : new String[][] {
        {"GET", "/apps/" + app}, {"DELETE", "/apps/" + app}, {"GET", "/apps/" + app + "/builds"},
        {"GET", "/apps/" + app + "/builds/1"}, {"GET", "/apps/" + app + "/releases"},
        {"GET", "/apps/" + app + "/releases/1"}}) {
      Response response = call(endpoint[0], endpoint[1], alice, null);
      assertThat(response.status()).as(endpoint[1]).isEqualTo(404);
      assertThat(response.json().getString("message")).doesNotContain("bob");
    }
    assertThat(call("GET", "/apps", alice, null).array()).isEmpty();
    assertThat(call("GET", "/apps/" + app, bob, null).status()).isEqualTo(200);
    assertThat(call("GET", "/apps/missing-" + app, alice, null).json())
        .isEqualTo(call("GET", "/apps/" + app, alice, null).json());
  }

  @Test
  void onlyAnAdminCreatesUsersAndTheirInputIsChecked() throws Exception {
    String user = newUser();
    assertThat(call("POST", "/users", user, body("email", "x@example.com", "password", "long-enough-1")).status())
        .isEqualTo(403);
    String email = "dup-" + UUID.randomUUID() + "@example.com";
    assertThat(call("POST", "/users", adminToken, body("email", email, "password", "long-enough-1")).status())
        .isEqualTo(201);
    assertThat(call("POST", "/users", adminToken, body("email", email, "password", "long-enough-1")).status())
        .isEqualTo(409);
    assertThat(call("POST", "/users", adminToken, body("email", "not-an-email", "password", "long-enough-1"))
        .status()).isEqualTo(422);
    assertThat(call("POST", "/users", adminToken, body("email", "s" + email, "password", "short")).status())
        .isEqualTo(422);
    assertThat(call("POST", "/users", adminToken, "{\"email\": \"a@b.c\", \"password\": \"long-enough-1\", "
        + "\"admin\": \"yes\"}").status()).isEqualTo(400);
  }

  @Test
  void unknownPathsAnswerJson404AndHealthAnswers() throws Exception {
    Response unknown = call("GET", "/nope", adminToken, null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("id")).isEqualTo("not_found");
    assertThat(call("GET", "/health", null, null).status()).isEqualTo(200);
  }

  private static String newUser() throws Exception {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    Response created = call("POST", "/users", adminToken, body("email", email, "password", "password-123"));
    assertThat(created.status()).isEqualTo(201);
    return login(email, "password-123");
  }

  private static String newApp(String token) throws Exception {
    String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = call("POST", "/apps", token, body("name", name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return name;
  }

  private static String login(String email, String password) throws Exception {
    Response response = call("POST", "/auth/login", null, body("email", email, "password", password));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getString("token");
  }

  private static String body(String... pairs) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      json.put(pairs[i], pairs[i + 1]);
    }
    return json.encode();
  }

  private static Response call(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body());
  }

  private record Response(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonArray array() {
      return new JsonArray(body);
    }
  }
}
