package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.store.App;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /apps/{app}/domains}: custom domains, unique on the platform, routed and served over HTTPS at once. */
class DomainsApiTest extends ApiTestBase {
  @Test
  void anAppListsItsDefaultHostThenTheDomainsAddedToIt() throws Exception {
    String app = api.newApp(api.adminToken);
    String name = unique("www");

    Response added = add(api.adminToken, app, name.toUpperCase());

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().getString("hostname")).isEqualTo(name);
    assertThat(added.json().getString("kind")).isEqualTo("custom");
    assertThat(added.json().getString("cname")).isEqualTo(app + ".localhost");
    JsonArray listed = api.call("GET", "/apps/" + app + "/domains", api.adminToken, null).array();
    assertThat(listed.stream().map(JsonObject.class::cast).map(d -> d.getString("hostname") + " " + d.getString("kind")))
        .containsExactly(app + ".localhost default", name + " custom");
    assertThat(platform.table.appOfDomain(name)).contains(app);
    assertThat(log(app)).contains("app[api]: Domain " + name + " added by user " + ApiFixture.ADMIN_EMAIL);
  }

  @Test
  void aRemovedDomainIsNoLongerRouted() throws Exception {
    String app = api.newApp(api.adminToken);
    String name = unique("shop");
    add(api.adminToken, app, name);

    Response removed = api.call("DELETE", "/apps/" + app + "/domains/" + name.toUpperCase(), api.adminToken, null);

    assertThat(removed.status()).as(removed.body()).isEqualTo(200);
    assertThat(removed.json().getString("hostname")).isEqualTo(name);
    assertThat(platform.table.appOfDomain(name)).isEmpty();
    assertThat(lastHttps()).doesNotContain(name);
    assertThat(api.call("DELETE", "/apps/" + app + "/domains/" + name, api.adminToken, null).status())
        .isEqualTo(404);
    assertThat(log(app)).contains("app[api]: Domain " + name + " removed by user " + ApiFixture.ADMIN_EMAIL);
  }

  @Test
  void aNameAnyAppHasIsA409ThatDoesNotSayWhose() throws Exception {
    String owner = api.newUser();
    String theirs = api.newApp(owner);
    String name = unique("taken");
    add(owner, theirs, name);
    String mine = api.newApp(api.adminToken);

    for (String app : List.of(theirs, mine)) {
      String token = app.equals(theirs) ? owner : api.adminToken;
      Response again = add(token, app, name);
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().getString("message")).contains(name).doesNotContain(theirs).doesNotContain("@");
    }
    assertThat(platform.table.appOfDomain(name)).contains(theirs);
  }

  @Test
  void thePlatformsOwnNamesAreRefused() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String name : List.of(app + ".localhost", "other.localhost", "a.b.LOCALHOST")) {
      Response refused = add(api.adminToken, app, name);
      assertThat(refused.status()).as(name).isEqualTo(422);
      assertThat(refused.json().getString("message")).contains("platform's domain");
    }
  }

  @Test
  void badNamesAre422() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String bad : List.of("", "example", "*.example.com", "1.2.3.4", "[::1]", "::1", "-a.example.com",
        "a-.example.com", "a..example.com", "www.example.com.", "ex ample.com", "ex_ample.com", "caf\u00e9.example",
        "a".repeat(64) + ".com", ("a".repeat(60) + ".").repeat(5) + "com")) {
      Response refused = add(api.adminToken, app, bad);
      assertThat(refused.status()).as(bad).isEqualTo(422);
      assertThat(refused.json().getString("message")).as(bad).isNotBlank();
    }
    assertThat(api.call("POST", "/apps/" + app + "/domains", api.adminToken, "{}").status()).isEqualTo(422);
    assertThat(add(api.adminToken, app, "*.example.com").json().getString("message")).contains("Wildcard");
    assertThat(add(api.adminToken, app, "10.0.0.1").json().getString("message")).contains("IP address");
    assertThat(api.call("GET", "/apps/" + app + "/domains", api.adminToken, null).array()).hasSize(1);
  }

  @Test
  void malformedAndOversizedBodiesAre400And413() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String bad : List.of("{", "[1]", "", "{\"hostname\": 5}")) {
      assertThat(api.call("POST", "/apps/" + app + "/domains", api.adminToken, bad).status()).as(bad).isEqualTo(400);
    }
    assertThat(add(api.adminToken, app, "a".repeat(200_000) + ".com").status()).isEqualTo(413);
  }

  @Test
  void domainsNeedATokenAndAnotherTenantsAppIsA404() throws Exception {
    String owner = api.newUser();
    String app = api.newApp(owner);
    String name = unique("private");
    add(owner, app, name);
    String other = api.newUser();
    for (String token : new String[] {null, "paas_not-a-real-token", other}) {
      int expected = other.equals(token) ? 404 : 401;
      assertThat(api.call("GET", "/apps/" + app + "/domains", token, null).status()).isEqualTo(expected);
      assertThat(add(token, app, unique("new")).status()).isEqualTo(expected);
      Response delete = api.call("DELETE", "/apps/" + app + "/domains/" + name, token, null);
      assertThat(delete.status()).isEqualTo(expected);
      assertThat(delete.body()).doesNotContain(name);
    }
    assertThat(platform.table.appOfDomain(name)).contains(app);
  }

  @Test
  void domainsGoWithTheirAppAndAnotherAppCanThenAddThem() throws Exception {
    String first = api.newApp(api.adminToken);
    String name = unique("moving");
    add(api.adminToken, first, name);

    assertThat(api.call("DELETE", "/apps/" + first, api.adminToken, null).status()).isEqualTo(200);
    String second = api.newApp(api.adminToken);

    assertThat(add(api.adminToken, second, name).status()).isEqualTo(201);
    assertThat(platform.table.appOfDomain(name)).contains(second);
    assertThat(lastHttps()).contains(name, second + ".localhost").doesNotContain(first + ".localhost");
  }

  @Test
  void theHttpsFrontIsToldEveryAppsHostAndEveryCustomDomain() throws Exception {
    String app = api.newApp(api.adminToken);
    assertThat(lastHttps()).isEqualTo(expectedHttps());

    add(api.adminToken, app, unique("secure"));

    assertThat(lastHttps()).isEqualTo(expectedHttps());
    int told = platform.https.size();
    api.call("PATCH", "/apps/" + app, api.adminToken, "{\"maintenance\": true}");
    assertThat(platform.https).as("a settings change leaves the names as they were").hasSize(told);
  }

  private static Response add(String token, String app, String hostname) throws Exception {
    return api.call("POST", "/apps/" + app + "/domains", token, body("hostname", hostname));
  }

  private static String unique(String label) {
    return label + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
  }

  private static Set<String> lastHttps() {
    return platform.https.get(platform.https.size() - 1);
  }

  /** What the store says needs HTTPS: every app's host and every custom domain. */
  private static Set<String> expectedHttps() throws Exception {
    Set<String> names = new TreeSet<>();
    for (App app : platform.apps.all().await(10, TimeUnit.SECONDS)) {
      names.add(app.name() + ".localhost");
    }
    for (Row row : platform.pool.query("SELECT hostname FROM domains").execute().await(10, TimeUnit.SECONDS)) {
      names.add(row.getString(0));
    }
    return names;
  }

  private static String log(String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/logs", api.adminToken, null).body();
  }
}
