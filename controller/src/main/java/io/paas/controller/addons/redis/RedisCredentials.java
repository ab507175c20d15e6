package io.paas.controller.addons.redis;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** What an app is given to reach its redis, kept by the platform as the addon's credentials. */
record RedisCredentials(String host, int port, String password) {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A new password: 256 random bits, URL-safe, so it sits in a URL as it is. */
  static RedisCredentials withNewPassword(String host, int port) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new RedisCredentials(host, port, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  static RedisCredentials from(Map<String, String> credentials) {
    URI url = URI.create(credentials.get("url"));
    return new RedisCredentials(url.getHost(), url.getPort(), url.getUserInfo().substring(1));
  }

  Map<String, String> toMap() {
    return Map.of("url", url(), "port", String.valueOf(port));
  }

  /** How apps reach it: through the host address containers see. */
  String url() {
    return url(host);
  }

  /** How the platform reaches it: over loopback, which the firewall leaves open. */
  String localUrl() {
    return url("127.0.0.1");
  }

  /** Without the password, which a log line must never show. */
  @Override
  public String toString() {
    return "RedisCredentials[" + host + ":" + port + "]";
  }

  private String url(String through) {
    return "redis://:" + password + "@" + through + ":" + port;
  }
}
