package io.paas.router.tls;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Caddy's JSON configuration: HTTPS for the served host names, proxied to the router; plain HTTP redirected to HTTPS.
 *
 * <p>Every config carries the admin block, because {@code POST /load} replaces the whole config, admin address
 * included.
 */
record CaddyConfig(CaddyOptions options, int adminPort) {
  /** What Caddy starts with: only where its admin API listens, since 2.6.2 ignores {@code CADDY_ADMIN}. */
  JsonObject bootstrap() {
    return new JsonObject().put("admin", new JsonObject()
        .put("listen", address("127.0.0.1", adminPort))
        // The config is ours to reload after a restart; an autosaved copy would only go stale.
        .put("config", new JsonObject().put("persist", false)));
  }

  /**
   * The config that serves exactly these names (none: a config that serves nothing).
   *
   * @throws IllegalArgumentException if one of them is not a host name
   */
  JsonObject serving(Set<String> hostnames) {
    Set<String> names = hostnames.stream().map(HostName::normalized).collect(Collectors.toCollection(TreeSet::new));
    return bootstrap().put("apps", new JsonObject()
        .put("http", new JsonObject()
            .put("http_port", options.httpPort())
            .put("https_port", options.httpsPort())
            .put("servers", new JsonObject()
                .put("https", httpsServer(names))
                .put("http", redirectServer(names))))
        .put("tls", new JsonObject().put("automation", new JsonObject().put("policies", policies(names))))
        // We run as root: Caddy must not add its root to the system's trust store.
        .put("pki", new JsonObject().put("certificate_authorities", new JsonObject()
            .put("local", new JsonObject().put("install_trust", false)))));
  }

  /**
   * Proxies the names to the router. Caddy keeps the Host header and sets X-Forwarded-For, -Proto and -Host itself,
   * replacing whatever the client sent.
   */
  private JsonObject httpsServer(Set<String> names) {
    JsonObject proxy = new JsonObject().put("handler", "reverse_proxy")
        .put("upstreams", new JsonArray().add(new JsonObject()
            .put("dial", address(options.upstreamHost(), options.upstreamPort()))));
    return server(options.httpsPort(), names, proxy)
        // Caddy's own redirects leave out a non-standard HTTPS port; the HTTP server below redirects instead.
        .put("automatic_https", new JsonObject().put("disable_redirects", true));
  }

  private JsonObject redirectServer(Set<String> names) {
    String port = options.httpsPort() == 443 ? "" : ":" + options.httpsPort();
    JsonObject redirect = new JsonObject().put("handler", "static_response").put("status_code", 308)
        .put("headers", new JsonObject().put("Location",
            new JsonArray().add("https://{http.request.host}" + port + "{http.request.uri}")));
    return server(options.httpPort(), names, redirect);
  }

  /** A server on the port that hands the names to the handler and answers 404 for any other host. */
  private JsonObject server(int port, Set<String> names, JsonObject handler) {
    JsonArray routes = new JsonArray();
    if (!names.isEmpty()) {
      routes.add(new JsonObject()
          .put("match", new JsonArray().add(new JsonObject().put("host", new JsonArray(List.copyOf(names)))))
          .put("handle", new JsonArray().add(handler)));
    }
    return new JsonObject()
        .put("listen", new JsonArray().add(address(options.bindHost(), port)))
        .put("routes", routes.add(new JsonObject().put("handle", new JsonArray()
            .add(new JsonObject().put("handler", "static_response").put("status_code", 404)))));
  }

  /**
   * Which CA certifies which names: the internal one for all by default; with an ACME email the public CA, except
   * for names it would refuse.
   */
  private JsonArray policies(Set<String> names) {
    JsonArray policies = new JsonArray();
    if (!options.usesAcme()) {
      return policies.add(policy(List.of(), internalIssuer()));
    }
    List<String> internal = names.stream().filter(HostName::isInternal).toList();
    // A policy without subjects applies to every name, so the internal one is listed only when it has names.
    if (!internal.isEmpty()) {
      policies.add(policy(internal, internalIssuer()));
    }
    return policies.add(policy(List.of(),
        new JsonObject().put("module", "acme").put("email", options.acmeEmail())));
  }

  private static JsonObject policy(Collection<String> subjects, JsonObject issuer) {
    JsonObject policy = new JsonObject().put("issuers", new JsonArray().add(issuer));
    return subjects.isEmpty() ? policy : policy.put("subjects", new JsonArray(List.copyOf(subjects)));
  }

  private static JsonObject internalIssuer() {
    return new JsonObject().put("module", "internal");
  }

  private static String address(String host, int port) {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
