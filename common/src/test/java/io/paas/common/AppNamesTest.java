package io.paas.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AppNamesTest {
  @Test
  void acceptsLowercaseNamesStartingWithALetter() {
    assertThat(AppNames.isValid("web")).isTrue();
    assertThat(AppNames.isValid("my-app-2")).isTrue();
    assertThat(AppNames.isValid("a" + "b".repeat(29))).isTrue();
  }

  @Test
  void rejectsWhatCannotBeAHostOrImageName() {
    assertThat(AppNames.isValid(null)).isFalse();
    assertThat(AppNames.isValid("ab")).isFalse();
    assertThat(AppNames.isValid("a" + "b".repeat(30))).isFalse();
    assertThat(AppNames.isValid("1app")).isFalse();
    assertThat(AppNames.isValid("My-App")).isFalse();
    assertThat(AppNames.isValid("my_app")).isFalse();
    assertThat(AppNames.isValid("app-")).isFalse();
    assertThat(AppNames.isValid("app.evil")).isFalse();
    assertThat(AppNames.isValid("../etc")).isFalse();
  }

  @Test
  void requireExplainsTheRule() {
    assertThatThrownBy(() -> AppNames.require("Bad"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("3 to 30")
        .satisfies(e -> assertThat(((ApiException) e).status()).isEqualTo(422));
  }
}
