package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Calls the API as a client would, and makes the users and apps a test needs. */
final class ApiCalls {
  static final String USER_PASSWORD = "password-123";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;
  final String adminToken;

  ApiCalls(int port) throws Exception {
    this.port = port;
    this.adminToken = login(ApiFixture.ADMIN_EMAIL, ApiFixture.ADMIN_PASSWORD);
  }

  /** A new user's token. */
  String newUser() throws Exception {
    return newAccount().token();
  }

  /** A new user; their password is {@link #USER_PASSWORD}. */
  Account newAccount() throws Exception {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    return new Account(email, newUser(email));
  }

  /** Creates the user (password {@value #USER_PASSWORD}) and logs them in; completes with their token. */
  String newUser(String email) throws Exception {
    Response created = call("POST", "/users", adminToken, body("email", email, "password", USER_PASSWORD));
    assertThat(created.status()).isEqualTo(201);
    return login(email, USER_PASSWORD);
  }

  String newApp(String token) throws Exception {
    String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
    Response created = call("POST", "/apps", token, body("name", name));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return name;
  }

  String login(String email, String password) throws Exception {
    Response response = call("POST", "/auth/login", null, body("email", email, "password", password));
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().getString("token");
  }

  static String body(String... pairs) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      json.put(pairs[i], pairs[i + 1]);
    }
    return json.encode();
  }

  Response call(String method, String path, String token, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body(), response.headers());
  }

  HttpRequest request(String method, String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  static HttpClient http() {
    return HTTP;
  }

  record Account(String email, String token) {
  }

  record Response(int status, String body, HttpHeaders headers) {
    JsonObject json() {
      return new JsonObject(body);
    }

    JsonArray array() {
      return new JsonArray(body);
    }
  }
}
