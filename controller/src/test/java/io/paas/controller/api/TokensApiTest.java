package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.auth.Tokens;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokensApiTest extends ApiTestBase {
  @Test
  void aNamedTokenIsShownOnceListedWithoutItselfAndStopsWorkingWhenRevoked() throws Exception {
    String login = api.newUser();

    Response created = api.call("POST", "/auth/tokens", login, "{\"description\": \"ci\", \"expires_in_days\": 30}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject token = created.json();
    String secret = token.getString("token");
    assertThat(secret).startsWith("paas_");
    assertThat(token.getString("description")).isEqualTo("ci");
    assertThat(Duration.between(instant(token, "created_at"), instant(token, "expires_at"))).isEqualTo(Duration.ofDays(30));
    assertThat(api.call("GET", "/account", secret, null).status()).isEqualTo(200);

    Response listed = api.call("GET", "/auth/tokens", login, null);
    assertThat(listed.body()).doesNotContain(secret).doesNotContain(Tokens.hash(secret))
        .doesNotContain(Tokens.hash(login));
    List<JsonObject> tokens = listed.array().stream().map(JsonObject.class::cast).toList();
    assertThat(tokens).extracting(t -> t.getString("description")).containsExactly("login", "ci");
    assertThat(tokens).extracting(t -> t.getBoolean("current")).containsExactly(true, false);
    assertThat(tokens.get(1).getLong("id")).isEqualTo(token.getLong("id"));
    assertThat(tokens.get(1).getString("last_used_at")).as("used once for /account").isNotNull();
    assertThat(tokens.get(0).fieldNames()).doesNotContain("token", "token_hash");

    Response revoked = api.call("DELETE", "/auth/tokens/" + token.getLong("id"), login, null);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().getString("description")).isEqualTo("ci");
    assertThat(api.call("GET", "/account", secret, null).status()).isEqualTo(401);
    assertThat(api.call("GET", "/auth/tokens", login, null).array()).hasSize(1);
    assertThat(api.call("DELETE", "/auth/tokens/" + token.getLong("id"), login, null).status()).isEqualTo(404);
  }

  @Test
  void loginTokensExpireAfterTheLoginLifetimeAndANamedOneNeedNot() throws Exception {
    Response login = api.call("POST", "/auth/login", null,
        ApiCalls.body("email", ApiFixture.ADMIN_EMAIL, "password", ApiFixture.ADMIN_PASSWORD));
    assertThat(Duration.between(instant(login.json(), "created_at"), instant(login.json(), "expires_at")))
        .isEqualTo(Duration.ofDays(30));

    JsonObject forever = api.call("POST", "/auth/tokens", api.adminToken, "{}").json();
    assertThat(forever.getString("expires_at")).isNull();
    assertThat(forever.getString("description")).isEqualTo("API token");
  }

  @Test
  void anExpiredTokenIsA401AndNoLongerListed() throws Exception {
    String login = api.newUser();
    String secret = api.call("POST", "/auth/tokens", login, "{\"expires_in_days\": 1}").json().getString("token");
    platform.pool.preparedQuery("UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1")
        .execute(Tuple.of(Tokens.hash(secret))).await(10, TimeUnit.SECONDS);

    Response refused = api.call("GET", "/account", secret, null);

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.json().getString("id")).isEqualTo("unauthorized");
    assertThat(api.call("GET", "/auth/tokens", login, null).array()).hasSize(1);
  }

  @Test
  void anotherUsersTokenIsA404AndKeepsWorking() throws Exception {
    String bob = api.newUser();
    String alice = api.newUser();
    JsonObject bobs = api.call("POST", "/auth/tokens", bob, "{\"description\": \"bob's ci\"}").json();

    Response response = api.call("DELETE", "/auth/tokens/" + bobs.getLong("id"), alice, null);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.json().getString("message")).as("as if there were none")
        .isEqualTo("No token " + bobs.getLong("id") + ".");
    assertThat(api.call("GET", "/auth/tokens", alice, null).body()).doesNotContain("bob's ci");
    assertThat(api.call("GET", "/account", bobs.getString("token"), null).status()).isEqualTo(200);
  }

  @Test
  void revokingTheCurrentTokenLogsThatSessionOutOnly() throws Exception {
    String email = api.newAccount().email();
    String first = api.login(email, ApiCalls.USER_PASSWORD);
    String second = api.login(email, ApiCalls.USER_PASSWORD);

    assertThat(api.call("DELETE", "/auth/tokens/current", first, null).status()).isEqualTo(200);

    assertThat(api.call("GET", "/account", first, null).status()).isEqualTo(401);
    assertThat(api.call("GET", "/account", second, null).status()).isEqualTo(200);
  }

  @Test
  void accountTokensIsTheSameResource() throws Exception {
    String login = api.newUser();
    JsonObject created = api.call("POST", "/account/tokens", login, "{\"description\": \"deploy\"}").json();

    assertThat(api.call("GET", "/auth/tokens", login, null).body()).contains("deploy");
    assertThat(api.call("DELETE", "/account/tokens/" + created.getLong("id"), login, null).status()).isEqualTo(200);
  }

  @Test
  void badInputIsRefusedWithTheRightStatus() throws Exception {
    String login = api.newUser();
    for (String bad : new String[] {"{\"expires_in_days\": 0}", "{\"expires_in_days\": 3651}",
        "{\"expires_in_days\": \"30\"}", "{\"expires_in_days\": 1.5}", "{\"description\": \"\"}",
        "{\"description\": \"" + "x".repeat(101) + "\"}", "{\"description\": \"a\\nb\"}"}) {
      Response response = api.call("POST", "/auth/tokens", login, bad);
      assertThat(response.status()).as(bad).isEqualTo(422);
      assertThat(response.json().getString("message")).isNotBlank();
    }
    assertThat(api.call("POST", "/auth/tokens", login, "{\"description\": 5}").status()).isEqualTo(400);
    assertThat(api.call("POST", "/auth/tokens", login, "{").status()).isEqualTo(400);
    assertThat(api.call("POST", "/auth/tokens", login, "x".repeat(200_000)).status()).isEqualTo(413);
    assertThat(api.call("DELETE", "/auth/tokens/abc", login, null).status()).isEqualTo(404);
    assertThat(api.call("GET", "/auth/tokens", null, null).status()).isEqualTo(401);
  }

  private static Instant instant(JsonObject json, String field) {
    return Instant.parse(json.getString(field));
  }
}
