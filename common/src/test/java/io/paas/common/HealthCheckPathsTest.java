package io.paas.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HealthCheckPathsTest {
  @Test
  void acceptsAbsolutePathsWithQueries() {
    assertThat(HealthCheckPaths.isValid("/")).isTrue();
    assertThat(HealthCheckPaths.isValid("/health")).isTrue();
    assertThat(HealthCheckPaths.isValid("/status?deep=1&x=%20")).isTrue();
    assertThat(HealthCheckPaths.isValid("/" + "a".repeat(199))).isTrue();
  }

  @Test
  void rejectsWhatWouldNotBeOneRequestTarget() {
    assertThat(HealthCheckPaths.isValid(null)).isFalse();
    assertThat(HealthCheckPaths.isValid("")).isFalse();
    assertThat(HealthCheckPaths.isValid("health")).isFalse();
    assertThat(HealthCheckPaths.isValid("http://x/health")).isFalse();
    assertThat(HealthCheckPaths.isValid("/a b")).isFalse();
    assertThat(HealthCheckPaths.isValid("/a\r\nHost: evil")).isFalse();
    assertThat(HealthCheckPaths.isValid("/caf\u00e9")).isFalse();
    assertThat(HealthCheckPaths.isValid("/" + "a".repeat(200))).isFalse();
  }

  @Test
  void requireExplainsTheRule() {
    assertThatThrownBy(() -> HealthCheckPaths.require("health"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("start with /")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
  }
}
