package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /admin/quotas}: an admin reads and sets a user's limits; everyone else is refused, bad input too. */
class AdminQuotasApiTest extends ApiTestBase {
  @Test
  void anAdminSeesAUsersLimitsAndUseAndSetsThem() throws Exception {
    String email = newEmail();
    String token = api.newUser(email);
    String app = api.newApp(token);
    api.call("POST", "/apps/" + app + "/addons", token, "{\"plan\": \"postgres\"}");

    JsonObject shown = api.call("GET", "/admin/quotas?user=" + email, api.adminToken, null).json();

    assertThat(shown.getString("kind")).isEqualTo("user");
    assertThat(shown.getString("name")).isEqualTo(email);
    assertThat(shown.getJsonArray("quotas")).containsExactly(
        quota("apps", 50, 1, null, true), quota("dynos", 100, 0, null, true),
        quota("memory", 65536, 0, "MB", true), quota("addons", 50, 1, null, true), quota("builds", 2, 0, null, true));

    Response set = patch("{\"user\": \"" + email.toUpperCase(Locale.ROOT) + "\", \"apps\": 10, \"memory\": 4096}");

    assertThat(set.status()).as(set.body()).isEqualTo(200);
    assertThat(set.json().getJsonArray("quotas").getJsonObject(0)).isEqualTo(quota("apps", 10, 1, null, false));
    assertThat(set.json().getJsonArray("quotas").getJsonObject(2)).isEqualTo(quota("memory", 4096, 0, "MB", false));
    JsonObject overview = api.call("GET", "/admin/quotas", api.adminToken, null).json();
    assertThat(overview.getJsonArray("defaults")).containsExactly(limit("apps", 50, null), limit("dynos", 100, null),
        limit("memory", 65536, "MB"), limit("addons", 50, null), limit("builds", 2, null));
    assertThat(overview.getJsonArray("overrides")).contains(new JsonObject().put("kind", "user").put("name", email)
        .put("quotas", new JsonArray().add(limit("apps", 10, null)).add(limit("memory", 4096, "MB"))));

    JsonArray reset = patch("{\"user\": \"" + email + "\", \"apps\": null}").json().getJsonArray("quotas");

    assertThat(reset.getJsonObject(0)).isEqualTo(quota("apps", 50, 1, null, true));
    assertThat(reset.getJsonObject(2)).isEqualTo(quota("memory", 4096, 0, "MB", false));
  }

  @Test
  void onlyAdminsSeeOrSetQuotas() throws Exception {
    String email = newEmail();
    String token = api.newUser(email);

    Response read = api.call("GET", "/admin/quotas?user=" + email, token, null);
    Response write = api.call("PATCH", "/admin/quotas", token, "{\"user\": \"" + email + "\", \"apps\": 1000}");

    assertThat(read.status()).isEqualTo(403);
    assertThat(write.status()).isEqualTo(403);
    assertThat(write.json().getString("message")).isEqualTo("Only an admin can set quotas.");
    assertThat(api.call("GET", "/admin/quotas", null, null).status()).isEqualTo(401);
    assertThat(limit(email, 0)).isEqualTo(50);
  }

  @Test
  void badRequestsAreRefusedAndChangeNothing() throws Exception {
    String email = newEmail();
    api.newUser(email);

    for (String bad : List.of("{\"user\": ", "[1]", "{\"apps\": 1}", "{\"user\": 5, \"apps\": 1}",
        "{\"user\": \"" + email + "\", \"appz\": 1}", "{\"user\": \"" + email + "\", \"apps\": \"10\"}",
        "{\"user\": \"" + email + "\", \"apps\": 1.5}")) {
      assertThat(patch(bad).status()).as(bad).isEqualTo(400);
    }
    assertThat(patch("{\"user\": \"" + email + "\"}").status()).isEqualTo(422);
    Response negative = patch("{\"user\": \"" + email + "\", \"apps\": 5, \"dynos\": -1}");
    assertThat(negative.status()).isEqualTo(422);
    assertThat(negative.json().getString("message")).contains("dynos").contains("-1");
    assertThat(limit(email, 0)).isEqualTo(50);
    assertThat(limit(email, 1)).isEqualTo(100);

    Response unknown = patch("{\"user\": \"nobody@example.com\", \"apps\": 1}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("message")).contains("nobody@example.com");
    assertThat(api.call("GET", "/admin/quotas?user=nobody@example.com", api.adminToken, null).status())
        .isEqualTo(404);
  }

  private static String newEmail() {
    return "admin-quotas-" + UUID.randomUUID() + "@example.com";
  }

  private static Response patch(String body) throws Exception {
    return api.call("PATCH", "/admin/quotas", api.adminToken, body);
  }

  /** The limit of the user's quota at this place in the listing (apps, dynos, memory, addons, builds). */
  private static long limit(String email, int index) throws Exception {
    return api.call("GET", "/admin/quotas?user=" + email, api.adminToken, null).json().getJsonArray("quotas")
        .getJsonObject(index).getLong("limit");
  }

  private static JsonObject quota(String name, long limit, long used, String unit, boolean isDefault) {
    return new JsonObject().put("name", name).put("limit", limit).put("used", used).put("unit", unit)
        .put("default", isDefault);
  }

  private static JsonObject limit(String name, long limit, String unit) {
    return new JsonObject().put("name", name).put("limit", limit).put("unit", unit);
  }
}
