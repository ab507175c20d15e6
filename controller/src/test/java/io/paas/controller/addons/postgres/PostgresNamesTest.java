package io.paas.controller.addons.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresNamesTest {
  @Test
  void dashesAndOtherCharactersBecomeUnderscores() {
    assertThat(PostgresNames.of("postgres-amber-48213")).isEqualTo("postgres_amber_48213");
    assertThat(PostgresNames.of("My.DB\"; DROP ROLE x")).isEqualTo("my_db___drop_role_x");
  }

  @Test
  void longNamesAreCutToWhatPostgresqlKeeps() {
    assertThat(PostgresNames.of("a".repeat(80))).hasSize(63);
  }

  @Test
  void anEmptyNameIsRefused() {
    assertThatThrownBy(() -> PostgresNames.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
