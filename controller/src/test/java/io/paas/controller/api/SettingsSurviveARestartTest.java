package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.router.RouteSettings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A controller started again on the same data dir loads every app's settings and domains before it serves. */
class SettingsSurviveARestartTest {
  @TempDir
  Path dataDir;

  @Test
  void settingsAndDomainsAreBackInTheRouterAfterARestart() throws Exception {
    String app;
    try (ApiFixture before = new ApiFixture(dataDir)) {
      ApiCalls api = new ApiCalls(before.port);
      app = api.newApp(api.adminToken);
      api.call("PATCH", "/apps/" + app, api.adminToken,
          "{\"maintenance\": true, \"request_timeout\": 90, \"health_check_path\": \"/ready\"}");
      api.call("POST", "/apps/" + app + "/domains", api.adminToken, ApiCalls.body("hostname", "kept.example.org"));
    }

    try (ApiFixture after = new ApiFixture(dataDir)) {
      ApiCalls api = new ApiCalls(after.port);
      JsonObject shown = api.call("GET", "/apps/" + app, api.adminToken, null).json();
      assertThat(shown.getBoolean("maintenance")).isTrue();
      assertThat(shown.getInteger("request_timeout")).isEqualTo(90);
      assertThat(shown.getString("health_check_path")).isEqualTo("/ready");
      assertThat(after.table.settings(app)).isEqualTo(new RouteSettings(true, Duration.ofSeconds(90)));
      assertThat(after.table.appOfDomain("kept.example.org")).contains(app);
      assertThat(after.https.get(0)).containsExactlyInAnyOrder("kept.example.org", app + ".localhost");
    }
  }
}
