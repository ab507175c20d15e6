package io.paas.cli;

import java.util.Optional;

/** Where to find the platform and how to authenticate: environment first, then the credentials file. */
public record Config(String apiUrl, String token) {
  public static final String DEFAULT_API_URL = "http://127.0.0.1:5000";

  /** Drops a trailing slash so paths can be appended as they are. */
  public Config {
    if (apiUrl.endsWith("/")) {
      apiUrl = apiUrl.substring(0, apiUrl.length() - 1);
    }
  }

  public static Config resolve(Env env, Optional<Credentials> saved) {
    String apiUrl = Optional.ofNullable(env.var("PAAS_API_URL"))
        .or(() -> saved.map(Credentials::apiUrl))
        .orElse(DEFAULT_API_URL);
    String token = Optional.ofNullable(env.var("PAAS_API_TOKEN"))
        .or(() -> saved.map(Credentials::token))
        .orElse(null);
    return new Config(apiUrl, token);
  }

  public String requireToken() {
    if (token == null) {
      throw new CliException("Not logged in. Run paas login.");
    }
    return token;
  }
}
