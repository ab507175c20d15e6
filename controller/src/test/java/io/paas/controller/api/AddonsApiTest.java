package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /addon-services} and {@code /apps/{app}/addons}: the addon model, on providers that keep names in a set. */
class AddonsApiTest extends ApiTestBase {
  @Test
  void servicesListTheirPlansDefaultFirst() throws Exception {
    Response services = api.call("GET", "/addon-services", api.adminToken, null);

    assertThat(services.status()).isEqualTo(200);
    JsonObject postgres = services.array().getJsonObject(0);
    assertThat(postgres.getString("name")).isEqualTo("postgres");
    assertThat(postgres.getString("default_attachment")).isEqualTo("DATABASE");
    assertThat(postgres.getJsonArray("plans").getJsonObject(0).getBoolean("default")).isTrue();
    assertThat(api.call("GET", "/addon-services", null, null).status()).isEqualTo(401);
  }

  @Test
  void anAddonSetsItsConfigVarsInAReleaseThatRestartsTheDynos() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve"), null);

    Response created = create(api.adminToken, app, "{\"plan\": \"postgres\"}");

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    JsonObject addon = created.json();
    assertThat(addon.getString("name")).matches("postgres-[a-z]+-\\d{5}");
    assertThat(addon.getString("plan")).isEqualTo("mini");
    assertThat(addon.getString("attachment")).isEqualTo("DATABASE");
    assertThat(addon.getJsonArray("config_vars").getList()).containsExactly("DATABASE_URL");
    assertThat(created.body()).doesNotContain("db.example");
    assertThat(platform.postgres.live).contains(addon.getString("name"));
    String url = platform.dynos.web(app).env().get("DATABASE_URL");
    assertThat(url).startsWith("postgres://user:").endsWith("/" + addon.getString("name"));
    assertThat(config(app).getString("DATABASE_URL")).isEqualTo(url);
    JsonObject release = api.call("GET", "/apps/" + app + "/releases/2", api.adminToken, null).json();
    assertThat(release.getString("description")).isEqualTo("Attach DATABASE (" + addon.getString("name") + ")");
    assertThat(release.getJsonArray("config_keys").getList()).containsExactly("DATABASE_URL");
    assertThat(log(app)).contains("Provisioned " + addon.getString("name") + " (mini) as DATABASE by user");
    assertThat(list(app)).hasSize(1);
  }

  @Test
  void aSecondAddonOfAServiceGetsAColourNameAndAChosenNameIsKept() throws Exception {
    String app = api.newApp(api.adminToken);
    create(api.adminToken, app, "{\"plan\": \"postgres\"}");

    Response second = create(api.adminToken, app, "{\"plan\": \"postgres:big\"}");
    Response named = create(api.adminToken, app, "{\"plan\": \"redis\", \"as\": \"CACHE\"}");

    assertThat(second.json().getString("attachment")).isEqualTo("POSTGRES_AMBER");
    assertThat(second.json().getString("plan")).isEqualTo("big");
    assertThat(named.json().getString("attachment")).isEqualTo("CACHE");
    assertThat(config(app).fieldNames()).contains("DATABASE_URL", "POSTGRES_AMBER_URL", "CACHE_URL");
  }

  @Test
  void unknownServicesAndPlansAre404sThatListWhatThereIs() throws Exception {
    String app = api.newApp(api.adminToken);

    Response service = create(api.adminToken, app, "{\"plan\": \"mysql\"}");
    Response plan = create(api.adminToken, app, "{\"plan\": \"postgres:huge\"}");

    assertThat(service.status()).isEqualTo(404);
    assertThat(service.json().getString("message")).contains("'mysql'").contains("postgres, redis");
    assertThat(plan.status()).isEqualTo(404);
    assertThat(plan.json().getString("message")).contains("'huge'").contains("mini, big");
    assertThat(platform.postgres.live).noneMatch(name -> list(app).toString().contains(name));
  }

  @Test
  void aTakenAttachmentNameIsA409AndProvisionsNothing() throws Exception {
    String app = api.newApp(api.adminToken);
    create(api.adminToken, app, "{\"plan\": \"postgres\", \"as\": \"MAIN\"}");
    int live = platform.postgres.live.size();

    Response again = create(api.adminToken, app, "{\"plan\": \"postgres\", \"as\": \"MAIN\"}");

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("message")).contains("MAIN");
    assertThat(platform.postgres.live).hasSize(live);
    assertThat(list(app)).hasSize(1);
  }

  @Test
  void aUserConfigVarOfTheSameNameIsA409AndProvisionsNothing() throws Exception {
    String app = api.newApp(api.adminToken);
    api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken, "{\"DATABASE_URL\": \"mine\"}");
    int live = platform.postgres.live.size();

    Response clash = create(api.adminToken, app, "{\"plan\": \"postgres\"}");

    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.json().getString("message")).contains("DATABASE_URL is already set");
    assertThat(platform.postgres.live).hasSize(live);
    assertThat(config(app).getString("DATABASE_URL")).isEqualTo("mine");
  }

  @Test
  void badInputIsRefusedClearly() throws Exception {
    String app = api.newApp(api.adminToken);

    assertThat(create(api.adminToken, app, "{\"plan\": ").status()).isEqualTo(400);
    assertThat(create(api.adminToken, app, "[1]").status()).isEqualTo(400);
    assertThat(create(api.adminToken, app, "{}").status()).isEqualTo(400);
    assertThat(create(api.adminToken, app, "{\"plan\": 5}").status()).isEqualTo(400);
    Response badName = create(api.adminToken, app, "{\"plan\": \"postgres\", \"as\": \"lower\"}");
    assertThat(badName.status()).isEqualTo(422);
    assertThat(create(api.adminToken, app, "{\"plan\": \"postgres\", \"as\": \"PAAS_DB\"}").status()).isEqualTo(422);
    String huge = "{\"plan\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
    assertThat(create(api.adminToken, app, huge).status()).isEqualTo(413);
    assertThat(list(app)).isEmpty();
  }

  @Test
  void addonVarsCannotBeOverwrittenAndSurviveARollback() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve"), null);
    create(api.adminToken, app, "{\"plan\": \"postgres\"}");
    String url = config(app).getString("DATABASE_URL");

    Response overwrite = api.call("PATCH", "/apps/" + app + "/config-vars", api.adminToken,
        "{\"DATABASE_URL\": \"elsewhere\"}");
    Response rollback = api.call("POST", "/apps/" + app + "/releases", api.adminToken, "{\"release\": 1}");

    assertThat(overwrite.status()).isEqualTo(422);
    assertThat(overwrite.json().getString("message")).contains("DATABASE_URL is set by an addon");
    assertThat(rollback.status()).as(rollback.body()).isEqualTo(201);
    assertThat(platform.dynos.web(app).env()).containsEntry("DATABASE_URL", url);
  }

  @Test
  void credentialsAreShownOnlyWhenAskedAndAreSealedInTheDatabase() throws Exception {
    String app = api.newApp(api.adminToken);
    String name = create(api.adminToken, app, "{\"plan\": \"postgres\"}").json().getString("name");
    String url = config(app).getString("DATABASE_URL");

    Response info = api.call("GET", "/apps/" + app + "/addons/" + name, api.adminToken, null);
    Response byAttachment = api.call("GET", "/apps/" + app + "/addons/DATABASE?show_credentials=true",
        api.adminToken, null);

    assertThat(info.status()).isEqualTo(200);
    assertThat(info.body()).doesNotContain(url);
    assertThat(info.json().getJsonObject("info").getString("status")).isEqualTo("up");
    assertThat(byAttachment.json().getJsonObject("config").getString("DATABASE_URL")).isEqualTo(url);
    for (Row row : platform.pool.query("SELECT credentials FROM addons").execute().await(10, TimeUnit.SECONDS)) {
      assertThat(new String(row.getBuffer(0).getBytes(), StandardCharsets.ISO_8859_1)).doesNotContain("db.example");
    }
  }

  @Test
  void destroyingDetachesAndDeprovisions() throws Exception {
    String app = api.newApp(api.adminToken);
    deploy(app, "img:1", Map.of("web", "serve"), null);
    String name = create(api.adminToken, app, "{\"plan\": \"postgres\"}").json().getString("name");

    Response destroyed = api.call("DELETE", "/apps/" + app + "/addons/" + name, api.adminToken, null);

    assertThat(destroyed.status()).as(destroyed.body()).isEqualTo(200);
    assertThat(platform.postgres.live).doesNotContain(name);
    assertThat(platform.dynos.web(app).env()).doesNotContainKey("DATABASE_URL");
    assertThat(config(app).containsKey("DATABASE_URL")).isFalse();
    assertThat(list(app)).isEmpty();
    assertThat(api.call("DELETE", "/apps/" + app + "/addons/" + name, api.adminToken, null).status()).isEqualTo(404);
    assertThat(log(app)).contains("Destroyed " + name + " by user");
  }

  @Test
  void deletingTheAppDeprovisionsItsAddons() throws Exception {
    String app = api.newApp(api.adminToken);
    String name = create(api.adminToken, app, "{\"plan\": \"postgres\"}").json().getString("name");

    assertThat(api.call("DELETE", "/apps/" + app, api.adminToken, null).status()).isEqualTo(200);

    eventually(() -> !platform.postgres.live.contains(name));
  }

  @Test
  void anotherTenantsAppsAddonsAre404AndUntouched() throws Exception {
    String owner = api.newUser();
    String app = api.newApp(owner);
    String name = create(owner, app, "{\"plan\": \"postgres\"}").json().getString("name");
    String stranger = api.newUser();

    assertThat(api.call("GET", "/apps/" + app + "/addons", stranger, null).status()).isEqualTo(404);
    assertThat(create(stranger, app, "{\"plan\": \"postgres\"}").status()).isEqualTo(404);
    assertThat(api.call("GET", "/apps/" + app + "/addons/" + name + "?show_credentials=true", stranger, null)
        .status()).isEqualTo(404);
    assertThat(api.call("DELETE", "/apps/" + app + "/addons/" + name, stranger, null).status()).isEqualTo(404);
    String theirs = api.newApp(stranger);
    assertThat(api.call("GET", "/apps/" + theirs + "/addons/" + name, stranger, null).status()).isEqualTo(404);
    assertThat(platform.postgres.live).contains(name);
  }

  private static Response create(String token, String app, String body) throws Exception {
    return api.call("POST", "/apps/" + app + "/addons", token, body);
  }

  private static JsonArray list(String app) {
    try {
      return api.call("GET", "/apps/" + app + "/addons", api.adminToken, null).array();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject config(String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/config-vars", api.adminToken, null).json();
  }

  private static String log(String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/logs", api.adminToken, null).body();
  }
}
