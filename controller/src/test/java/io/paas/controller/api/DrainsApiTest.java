package io.paas.controller.api;

import static io.paas.controller.api.ApiCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.drains.SyslogReceiver;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code /apps/{app}/log-drains}: drains added, listed with how delivery goes, removed; what a tenant may drain to. */
class DrainsApiTest extends ApiTestBase {
  /** A public address (TEST-NET-3) that needs no DNS; nothing answers there, which the API does not mind. */
  static final String PUBLIC = "203.0.113.10";

  @Test
  void anAdminsDrainToLoopbackGetsEveryLineOfTheAppAndSaysHowItIsDoing() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(platform.vertx);
    String app = api.newApp(api.adminToken);
    String url = "syslog://127.0.0.1:" + receiver.port();

    Response added = add(api.adminToken, app, url);

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    JsonObject drain = added.json();
    assertThat(drain.getLong("id")).isPositive();
    assertThat(drain.getString("url")).isEqualTo(url);
    assertThat(drain.getString("token")).matches("d\\.[0-9a-f-]{36}");
    assertThat(drain.getInteger("dropped")).isZero();
    assertThat(drain.getString("created_at")).isNotBlank();
    String token = drain.getString("token");
    eventually(() -> receiver.messages.stream().anyMatch(message -> message.contains(" " + token + " app api - - "
        + "Log drain " + url + " added by user " + ApiFixture.ADMIN_EMAIL)));
    platform.logs.append(app, LogEntry.now(LogEntry.ROUTER, "router", "at=info path=\"/\""));
    eventually(() -> receiver.messages.stream().anyMatch(message -> message.startsWith("<158>1 ")
        && message.endsWith(" " + token + " heroku router - - at=info path=\"/\"")));
    JsonObject listed = list(api.adminToken, app).array().getJsonObject(0);
    assertThat(listed.getString("token")).isEqualTo(token);
    assertThat(listed.getString("state")).isEqualTo("connected");
    assertThat(listed.getInteger("buffered")).isZero();
    assertThat(listed.getString("last_error")).isNull();
  }

  @Test
  void aDrainIsRemovedByItsIdTokenOrUrlAndStopsAtOnce() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(platform.vertx);
    String app = api.newApp(api.adminToken);
    List<String> urls = List.of("syslog://127.0.0.1:" + receiver.port(), "syslog://localhost:" + receiver.port(),
        "https://user:secret@" + PUBLIC + "/logs?x=1");
    List<JsonObject> drains = urls.stream().map(url -> add(api.adminToken, app, url).json()).toList();
    eventually(() -> receiver.connections.size() == 2);

    for (String key : List.of(drains.get(0).getLong("id").toString(), drains.get(1).getString("token"),
        URLEncoder.encode(urls.get(2), StandardCharsets.UTF_8))) {
      Response removed = api.call("DELETE", "/apps/" + app + "/log-drains/" + key, api.adminToken, null);
      assertThat(removed.status()).as(key + ": " + removed.body()).isEqualTo(200);
    }

    assertThat(list(api.adminToken, app).array()).isEmpty();
    eventually(() -> receiver.connections.isEmpty());
    assertThat(api.call("DELETE", "/apps/" + app + "/log-drains/" + drains.get(1).getString("token"),
        api.adminToken, null).status()).isEqualTo(404);
    assertThat(log(app)).contains("app[api]: Log drain https://***@" + PUBLIC + "/logs?x=1 removed by user "
        + ApiFixture.ADMIN_EMAIL).doesNotContain("secret");
  }

  @Test
  void credentialsInAUrlAreNeverShown() throws Exception {
    String user = api.newUser();
    String app = api.newApp(user);

    Response added = add(user, app, "https://user:secret@" + PUBLIC + "/logs");

    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(added.json().getString("url")).isEqualTo("https://***@" + PUBLIC + "/logs");
    assertThat(added.body()).doesNotContain("secret");
    assertThat(list(user, app).body()).doesNotContain("secret");
  }

  @Test
  void aUrlTheAppHasIsA409ButAnotherAppMayHaveIt() throws Exception {
    String user = api.newUser();
    String app = api.newApp(user);
    String url = "syslog+tls://" + PUBLIC + ":6514";
    add(user, app, url);

    Response again = add(user, app, url);

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("id")).isEqualTo("conflict");
    assertThat(again.json().getString("message")).contains(url);
    assertThat(add(user, api.newApp(user), url).status()).isEqualTo(201);
    assertThat(list(user, app).array()).hasSize(1);
  }

  @Test
  void unsupportedSchemesAndMalformedUrlsAre422() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String url : List.of("http://" + PUBLIC + "/logs", "tcp://" + PUBLIC + ":514", "ftp://" + PUBLIC + "/",
        "syslog://" + PUBLIC, PUBLIC + ":514", "not a url", "https://" + PUBLIC + "/" + "a".repeat(2048))) {
      Response refused = add(api.adminToken, app, url);
      assertThat(refused.status()).as(url).isEqualTo(422);
      assertThat(refused.json().getString("id")).isEqualTo("invalid_params");
    }
    assertThat(add(api.adminToken, app, "ftp://" + PUBLIC + "/").json().getString("message"))
        .contains("syslog://HOST:PORT", "syslog+tls://HOST:PORT", "https://HOST[:PORT]/PATH");
    assertThat(add(api.adminToken, app, "syslog://nowhere.invalid:514").json().getString("message"))
        .contains("Couldn't resolve nowhere.invalid");
    assertThat(api.call("POST", "/apps/" + app + "/log-drains", api.adminToken, "{}").status()).isEqualTo(422);
    assertThat(list(api.adminToken, app).array()).isEmpty();
  }

  @Test
  void aTenantMayNotDrainToThisHostOrTheCloudsMetadataButAnAdminMay() throws Exception {
    String user = api.newUser();
    String app = api.newApp(user);
    List<String> internal = List.of("syslog://localhost:514", "syslog://127.0.0.1:514", "syslog://[::1]:514",
        "syslog://0.0.0.0:514", "https://169.254.169.254/latest/meta-data", "syslog+tls://[fe80::1]:6514",
        "https://metadata.google.internal/computeMetadata/v1/");
    for (String url : internal) {
      Response refused = add(user, app, url);
      assertThat(refused.status()).as(url).isEqualTo(422);
      assertThat(refused.json().getString("message")).as(url).contains("may not reach");
    }
    assertThat(list(user, app).array()).isEmpty();

    String admins = api.newApp(api.adminToken);
    for (String url : internal.subList(0, internal.size() - 1)) {
      assertThat(add(api.adminToken, admins, url).status()).as(url).isEqualTo(201);
    }
    assertThat(add(api.adminToken, admins, internal.get(internal.size() - 1)).json().getString("message"))
        .as("outside a cloud the name does not resolve, which is the only reason left to refuse it")
        .startsWith("Couldn't resolve");
  }

  @Test
  void malformedAndOversizedBodiesAre400And413() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String bad : List.of("{", "[1]", "", "{\"url\": 5}")) {
      Response refused = api.call("POST", "/apps/" + app + "/log-drains", api.adminToken, bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.json().getString("id")).isEqualTo("bad_request");
    }
    assertThat(add(api.adminToken, app, "https://" + PUBLIC + "/" + "a".repeat(200_000)).status()).isEqualTo(413);
  }

  @Test
  void drainsNeedATokenAndAnotherTenantsAppIsA404() throws Exception {
    String owner = api.newUser();
    String app = api.newApp(owner);
    JsonObject drain = add(owner, app, "syslog://" + PUBLIC + ":514").json();
    String other = api.newUser();
    for (String token : new String[] {null, "paas_not-a-real-token", other}) {
      int expected = other.equals(token) ? 404 : 401;
      assertThat(list(token, app).status()).isEqualTo(expected);
      assertThat(add(token, app, "syslog://" + PUBLIC + ":601").status()).isEqualTo(expected);
      Response delete = api.call("DELETE", "/apps/" + app + "/log-drains/" + drain.getString("token"), token, null);
      assertThat(delete.status()).isEqualTo(expected);
      assertThat(delete.body()).doesNotContain(drain.getString("token"));
    }
    assertThat(list(owner, app).array()).hasSize(1);
  }

  @Test
  void drainsGoWithTheirApp() throws Exception {
    SyslogReceiver receiver = SyslogReceiver.plain(platform.vertx);
    String app = api.newApp(api.adminToken);
    add(api.adminToken, app, "syslog://127.0.0.1:" + receiver.port());
    eventually(() -> receiver.connections.size() == 1);

    assertThat(api.call("DELETE", "/apps/" + app, api.adminToken, null).status()).isEqualTo(200);

    eventually(() -> receiver.connections.isEmpty());
    assertThat(api.call("POST", "/apps", api.adminToken, body("name", app)).status()).isEqualTo(201);
    assertThat(list(api.adminToken, app).array()).isEmpty();
  }

  private static Response add(String token, String app, String url) {
    try {
      return api.call("POST", "/apps/" + app + "/log-drains", token, body("url", url));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response list(String token, String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/log-drains", token, null);
  }

  private static String log(String app) throws Exception {
    return api.call("GET", "/apps/" + app + "/logs", api.adminToken, null).body();
  }
}
