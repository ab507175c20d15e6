package io.paas.e2e;

import static io.paas.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets stay secret: a config var, an addon's password and two API tokens are planted, the app is built, released,
 * scaled, restarted, rolled back and run, and bad requests carry the secrets; then the server's own log, the app's
 * log (every source), the build output, every error body, the audit log and the listings that are not config are
 * searched for them.
 */
class SecretsIT {
  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "secrets-" + UUID.randomUUID().toString().substring(0, 8);
  static final String CONFIG_SECRET = "cfg" + UUID.randomUUID().toString().replace("-", "");

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(work);
    platform.start();
    platform.login();
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  void noSecretAppearsInLogsBuildOutputErrorBodiesOrListings() throws Exception {
    List<String> seen = new ArrayList<>();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("secrets").commit("v1");
    seen.add(ok(repo.paas("apps:create", APP)));
    // config:set and config echo the user's own values to the user: they are not searched.
    ok(repo.paas("config:set", "SECRET_TOKEN=" + CONFIG_SECRET));
    seen.add(ok(repo.paas("addons:create", "redis")));
    String addonSecret = repo.paas("addons:info", "REDIS", "--show-credentials").out().lines()
        .filter(line -> line.startsWith("REDIS_URL=")).findFirst().orElseThrow()
        .replaceFirst("^REDIS_URL=redis://:", "").replaceFirst("@.*$", "");
    assertThat(addonSecret).hasSizeGreaterThan(30);
    String token = platform.token();
    Result issued = repo.paas("auth:token", "--description", "ci");
    assertThat(issued.exit()).as(issued.all()).isZero();
    // The token is printed once, on stdout, to whoever asked for it: that output is not searched.
    String named = issued.out().strip();
    assertThat(named).hasSizeGreaterThan(30);
    Map<String, String> secrets = Map.of("config var", CONFIG_SECRET, "addon password", addonSecret,
        "API token", token, "named API token", named);

    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    seen.add(push.all());
    await("the app serving", () -> platform.get(APP).body(), body -> body.contains("secrets fixture"));
    seen.add(ok(repo.paas("ps:scale", "web=2")));
    seen.add(ok(repo.paas("ps:restart")));
    ok(repo.paas("config:set", "OTHER=1"));
    seen.add(ok(repo.paas("releases:rollback", "v3")));
    seen.add(ok(repo.paas("run", "--", "sh", "-c", "echo one-off ran")));
    seen.add(repo.paas("config:set", "bad-key=" + CONFIG_SECRET).all());
    seen.add(repo.paas("config:set", "LONG=" + CONFIG_SECRET.repeat(2000)).all());

    seen.add(body(platform.api("PATCH", "/apps/" + APP + "/config-vars", token, "{\"A\": \"" + CONFIG_SECRET)));
    seen.add(body(platform.api("PATCH", "/apps/" + APP + "/config-vars", token,
        "{\"lower-case\": \"" + CONFIG_SECRET + "\"}")));
    seen.add(body(platform.api("POST", "/auth/login", null,
        "{\"email\": \"" + Platform.ADMIN_EMAIL + "\", \"password\": \"" + CONFIG_SECRET + "\"}")));
    seen.add(body(platform.api("GET", "/apps", token + "x", null)));
    seen.add(body(platform.api("POST", "/apps/" + APP + "/log-drains", token,
        "{\"url\": \"ftp://user:" + CONFIG_SECRET + "@example.com/\"}")));

    for (String listing : List.of("apps:info", "releases", "releases:info", "addons", "addons:info REDIS",
        "ps", "drains", "logs -n 1500", "authorizations", "admin:audit -n 1000")) {
      seen.add(ok(repo.paas(listing.split(" "))));
    }
    seen.add(platform.serverLog());

    String all = String.join("\n", seen);
    assertThat(all).contains("Set SECRET_TOKEN config vars").contains("one-off ran");
    secrets.forEach((what, secret) -> assertThat(all).as("the %s must appear nowhere", what)
        .doesNotContain(secret));
  }

  private static String ok(Result result) {
    assertThat(result.exit()).as(result.all()).isZero();
    return result.all();
  }

  private static String body(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isGreaterThanOrEqualTo(400);
    return response.body();
  }
}
