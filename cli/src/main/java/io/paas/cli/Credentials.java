package io.paas.cli;

import io.vertx.core.json.JsonObject;

/** What {@code paas login} saves: where the platform is, who logged in, and the token to send. */
public record Credentials(String apiUrl, String email, String token) {
  static Credentials fromJson(JsonObject json) {
    return new Credentials(json.getString("api_url"), json.getString("email"), json.getString("token"));
  }

  JsonObject toJson() {
    return new JsonObject().put("api_url", apiUrl).put("email", email).put("token", token);
  }
}
