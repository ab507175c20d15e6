package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigTest {
  private static final Credentials SAVED = new Credentials("http://saved:5000/", "dev@example.com", "saved-token");

  @Test
  void defaultsToTheLocalPlatformWithoutAToken() {
    assertThat(Config.resolve(env(Map.of()), Optional.empty()))
        .isEqualTo(new Config(Config.DEFAULT_API_URL, null));
  }

  @Test
  void usesTheSavedCredentials() {
    assertThat(Config.resolve(env(Map.of()), Optional.of(SAVED)))
        .isEqualTo(new Config("http://saved:5000", "saved-token"));
  }

  @Test
  void environmentWinsOverTheSavedCredentials() {
    Env env = env(Map.of("PAAS_API_URL", "http://env:5000", "PAAS_API_TOKEN", "env-token"));

    assertThat(Config.resolve(env, Optional.of(SAVED))).isEqualTo(new Config("http://env:5000", "env-token"));
  }

  @Test
  void credentialsLiveInTheConfigDirElseUnderHome() {
    assertThat(new CredentialsStore(env(Map.of("PAAS_CONFIG_DIR", "/cfg", "HOME", "/home/dev"))).file())
        .isEqualTo(Path.of("/cfg/credentials.json"));
    assertThat(new CredentialsStore(env(Map.of("HOME", "/home/dev"))).file())
        .isEqualTo(Path.of("/home/dev/.config/paas/credentials.json"));
  }

  private static Env env(Map<String, String> vars) {
    return new TestEnv(vars, Path.of("."), "");
  }
}
