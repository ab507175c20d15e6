package io.paas.router.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CaddyConfigTest {
  private static final Path DATA = Path.of("/var/lib/paas/caddy");
  private static final CaddyConfig INTERNAL =
      new CaddyConfig(CaddyOptions.internalCa(DATA, "0.0.0.0", 8443, 8080, "127.0.0.1", 5050), 2999);
  private static final CaddyConfig ACME = new CaddyConfig(
      new CaddyOptions(DATA, "0.0.0.0", 443, 80, "127.0.0.1", 5050, "ops@example.com"), 2999);

  @Test
  void bootstrapSetsOnlyTheAdminAddressOnLoopback() {
    assertThat(INTERNAL.bootstrap()).isEqualTo(new JsonObject("""
        {"admin": {"listen": "127.0.0.1:2999", "config": {"persist": false}}}"""));
  }

  @Test
  void everyConfigKeepsTheAdminBlock() {
    assertThat(INTERNAL.serving(Set.of()).getJsonObject("admin")).isEqualTo(INTERNAL.bootstrap().getJsonObject("admin"));
    assertThat(ACME.serving(Set.of("www.example.com")).getJsonObject("admin"))
        .isEqualTo(ACME.bootstrap().getJsonObject("admin"));
  }

  @Test
  void proxiesTheNamesOverHttpsToTheRouter() {
    JsonObject https = servers(INTERNAL.serving(Set.of("App1.localhost", "www.example.test"))).getJsonObject("https");

    assertThat(https).isEqualTo(new JsonObject("""
        {"listen": ["0.0.0.0:8443"],
         "automatic_https": {"disable_redirects": true},
         "routes": [
           {"match": [{"host": ["app1.localhost", "www.example.test"]}],
            "handle": [{"handler": "reverse_proxy", "upstreams": [{"dial": "127.0.0.1:5050"}]}]},
           {"handle": [{"handler": "static_response", "status_code": 404}]}]}"""));
  }

  @Test
  void redirectsPlainHttpToTheHttpsPort() {
    JsonObject config = INTERNAL.serving(Set.of("app1.localhost"));

    JsonObject http = config.getJsonObject("apps").getJsonObject("http");
    assertThat(http.getInteger("http_port")).isEqualTo(8080);
    assertThat(http.getInteger("https_port")).isEqualTo(8443);
    assertThat(servers(config).getJsonObject("http")).isEqualTo(new JsonObject("""
        {"listen": ["0.0.0.0:8080"],
         "routes": [
           {"match": [{"host": ["app1.localhost"]}],
            "handle": [{"handler": "static_response", "status_code": 308,
                        "headers": {"Location": ["https://{http.request.host}:8443{http.request.uri}"]}}]},
           {"handle": [{"handler": "static_response", "status_code": 404}]}]}"""));
  }

  @Test
  void redirectsToTheStandardHttpsPortWithoutNamingIt() {
    JsonObject redirect = servers(ACME.serving(Set.of("www.example.com"))).getJsonObject("http")
        .getJsonArray("routes").getJsonObject(0).getJsonArray("handle").getJsonObject(0);

    assertThat(redirect.getJsonObject("headers").getJsonArray("Location"))
        .containsExactly("https://{http.request.host}{http.request.uri}");
  }

  @Test
  void withNoNamesServesNothing() {
    JsonObject servers = servers(INTERNAL.serving(Set.of()));

    JsonArray notFoundOnly = new JsonArray("""
        [{"handle": [{"handler": "static_response", "status_code": 404}]}]""");
    assertThat(servers.getJsonObject("https").getJsonArray("routes")).isEqualTo(notFoundOnly);
    assertThat(servers.getJsonObject("http").getJsonArray("routes")).isEqualTo(notFoundOnly);
  }

  @Test
  void listensOnAnIpv6BindAddressInBrackets() {
    CaddyConfig config = new CaddyConfig(CaddyOptions.internalCa(DATA, "::", 8443, 8080, "::1", 5050), 2999);

    JsonObject https = servers(config.serving(Set.of("app1.localhost"))).getJsonObject("https");
    assertThat(https.getJsonArray("listen")).containsExactly("[::]:8443");
    assertThat(https.encode()).contains("\"dial\":\"[::1]:5050\"");
  }

  @Test
  void issuesEveryCertificateFromTheInternalCaByDefault() {
    assertThat(policies(INTERNAL.serving(Set.of("www.example.com", "app1.localhost")))).isEqualTo(new JsonArray("""
        [{"issuers": [{"module": "internal"}]}]"""));
  }

  @Test
  void withAnAcmeEmailKeepsNamesNoPublicCaCertifiesOnTheInternalCa() {
    Set<String> names = Set.of("www.example.com", "app1.localhost", "api.paas.test", "db.internal", "10.0.0.7");

    assertThat(policies(ACME.serving(names))).isEqualTo(new JsonArray("""
        [{"subjects": ["10.0.0.7", "api.paas.test", "app1.localhost", "db.internal"],
          "issuers": [{"module": "internal"}]},
         {"issuers": [{"module": "acme", "email": "ops@example.com"}]}]"""));
  }

  @Test
  void withAnAcmeEmailAndOnlyPublicNamesEveryNameGoesToAcme() {
    // A policy without subjects would cover every name, so there must be no internal one here.
    assertThat(policies(ACME.serving(Set.of("www.example.com")))).isEqualTo(new JsonArray("""
        [{"issuers": [{"module": "acme", "email": "ops@example.com"}]}]"""));
  }

  @Test
  void neverInstallsTheRootInTheSystemTrustStore() {
    for (CaddyConfig config : new CaddyConfig[] {INTERNAL, ACME}) {
      assertThat(config.serving(Set.of()).getJsonObject("apps").getJsonObject("pki")).isEqualTo(new JsonObject("""
          {"certificate_authorities": {"local": {"install_trust": false}}}"""));
    }
  }

  @Test
  void refusesSomethingThatIsNotAHostName() {
    assertThatThrownBy(() -> INTERNAL.serving(Set.of("app1.localhost", "bad name.test")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'bad name.test'");
  }

  private static JsonObject servers(JsonObject config) {
    return config.getJsonObject("apps").getJsonObject("http").getJsonObject("servers");
  }

  private static JsonArray policies(JsonObject config) {
    return config.getJsonObject("apps").getJsonObject("tls").getJsonObject("automation").getJsonArray("policies");
  }
}
