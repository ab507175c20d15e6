package io.paas.controller.addons.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalAddonPostgresTest {
  @Test
  void tenantsConnectToTheHostAndPortOfTheAdminUrl() {
    ExternalAddonPostgres server = new ExternalAddonPostgres("postgres://admin:pw@db.internal:6543/postgres");

    assertThat(server.tenantAddress().host()).isEqualTo("db.internal");
    assertThat(server.tenantAddress().port()).isEqualTo(6543);
    assertThat(server.admin().getUser()).isEqualTo("admin");
    assertThat(server.admin().getDatabase()).isEqualTo("postgres");
  }

  @Test
  void aMalformedUrlIsRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> new ExternalAddonPostgres("postgres://admin:s3cret@db internal:x/postgres"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasNoCause()
        .message().doesNotContain("s3cret");
  }
}
