package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.ApiCalls.Response;
import io.paas.controller.mail.MailClient;
import io.paas.controller.mail.MailStore;
import io.paas.controller.mail.SmtpOptions;
import io.paas.controller.mail.SmtpServer;
import io.paas.controller.mail.TestMailAccounts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /apps/{app}/mail}: what an app's smtp addons accepted, to its owner only. */
class MailApiTest extends ApiTestBase {
  private static final TestMailAccounts ACCOUNTS = new TestMailAccounts();
  private static SmtpServer smtp;

  @BeforeAll
  static void startSmtp() throws Exception {
    smtp = SmtpServer.start(platform.vertx, new SmtpOptions("127.0.0.1", 0, dataDir.resolve("smtp"), Optional.empty()),
        ACCOUNTS, new MailStore(platform.pool)).await(60, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopSmtp() throws Exception {
    smtp.stop().await(10, TimeUnit.SECONDS);
  }

  @Test
  void theListIsNewestFirstWithoutBodies() throws Exception {
    String app = api.newApp(api.adminToken);
    send(app, "First", "one");
    send(app, "Second", "two");

    Response listed = api.call("GET", "/apps/" + app + "/mail", api.adminToken, null);

    assertThat(listed.status()).as(listed.body()).isEqualTo(200);
    JsonArray mail = listed.array();
    assertThat(mail.stream().map(JsonObject.class::cast).map(m -> m.getString("subject")))
        .containsExactly("Second", "First");
    JsonObject newest = mail.getJsonObject(0);
    assertThat(newest.fieldNames())
        .containsExactlyInAnyOrder("id", "addon", "from", "to", "subject", "size", "received_at", "relay_status");
    assertThat(newest.getString("from")).isEqualTo("Shop <shop@example.com>");
    assertThat(newest.getJsonArray("to")).containsExactly("ann@example.org");
    assertThat(newest.getString("relay_status")).isEqualTo("stored");
    assertThat(newest.getInteger("size")).isPositive();
    assertThat(listed.body()).doesNotContain("two");
    assertThat(api.call("GET", "/apps/" + app + "/mail?limit=1", api.adminToken, null).array()).hasSize(1);
  }

  @Test
  void oneMessageIsPlainTextAsReceivedOrItsReadablePart() throws Exception {
    String app = api.newApp(api.adminToken);
    send(app, "Receipt", "Total: 12 \u20ac");
    long id = api.call("GET", "/apps/" + app + "/mail", api.adminToken, null).array().getJsonObject(0).getLong("id");

    HttpResponse<String> raw = ApiCalls.http().send(
        api.request("GET", "/apps/" + app + "/mail/" + id, api.adminToken, null), HttpResponse.BodyHandlers.ofString());
    Response text = api.call("GET", "/apps/" + app + "/mail/" + id + "?format=text", api.adminToken, null);

    assertThat(raw.statusCode()).isEqualTo(200);
    assertThat(raw.headers().firstValue("Content-Type")).contains("text/plain; charset=utf-8");
    assertThat(raw.body()).contains("Subject: Receipt").contains("From: Shop <shop@example.com>");
    assertThat(text.status()).isEqualTo(200);
    assertThat(text.body().strip()).isEqualTo("Total: 12 \u20ac");
  }

  @Test
  void anotherTenantsMailIsA404() throws Exception {
    String owner = api.newUser();
    String app = api.newApp(owner);
    send(app, "Private", "secret");
    long id = api.call("GET", "/apps/" + app + "/mail", owner, null).array().getJsonObject(0).getLong("id");
    String other = api.newUser();
    String otherApp = api.newApp(other);

    for (String path : List.of("/apps/" + app + "/mail", "/apps/" + app + "/mail/" + id)) {
      Response response = api.call("GET", path, other, null);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.body()).doesNotContain("Private").doesNotContain("secret");
      assertThat(api.call("GET", path, null, null).status()).isEqualTo(401);
    }
    assertThat(api.call("GET", "/apps/" + otherApp + "/mail/" + id, other, null).status()).isEqualTo(404);
  }

  @Test
  void badIdsAre404AndBadParametersAre422() throws Exception {
    String app = api.newApp(api.adminToken);
    for (String id : List.of("abc", "0", "-1", "999999999", "99999999999999")) {
      assertThat(api.call("GET", "/apps/" + app + "/mail/" + id, api.adminToken, null).status()).as(id)
          .isEqualTo(404);
    }
    for (String query : List.of("limit=0", "limit=1001", "limit=x")) {
      assertThat(api.call("GET", "/apps/" + app + "/mail?" + query, api.adminToken, null).status()).as(query)
          .isEqualTo(422);
    }
    send(app, "One", "1");
    long id = api.call("GET", "/apps/" + app + "/mail", api.adminToken, null).array().getJsonObject(0).getLong("id");
    assertThat(api.call("GET", "/apps/" + app + "/mail/" + id + "?format=html", api.adminToken, null).status())
        .isEqualTo(422);
  }

  /** Sends through the app's own smtp login, as its dynos would. */
  private static void send(String app, String subject, String body) throws Exception {
    long appId = platform.apps.byName(app).await(10, TimeUnit.SECONDS).orElseThrow().id();
    String username = "smtp-" + app;
    ACCOUNTS.add(username, appId, "password-" + app, 200);
    new MailClient("127.0.0.1", smtp.port(), username, "password-" + app, false)
        .send("Shop <shop@example.com>", "ann@example.org", subject, body);
  }
}
