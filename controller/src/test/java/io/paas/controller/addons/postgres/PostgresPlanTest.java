package io.paas.controller.addons.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.addons.AddonPlan;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresPlanTest {
  private final Vertx vertx = Vertx.vertx();
  // Nothing connects: plans and config vars need no server.
  private final PostgresAddonProvider provider =
      new PostgresAddonProvider(vertx, new ExternalAddonPostgres("postgres://admin:pw@db.internal:5432/postgres"));

  @AfterEach
  void closeVertx() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  @Test
  void plansComeDefaultFirstWithReadableLimits() {
    assertThat(provider.plans()).containsExactly(
        new AddonPlan("mini", "20 connections, 1 GB"),
        new AddonPlan("basic", "60 connections, 10 GB"),
        new AddonPlan("standard", "120 connections, 64 GB"));
  }

  @Test
  void anAttachmentSetsOneUrlNamedAfterIt() {
    assertThat(provider.configVars("HEROKU_POSTGRESQL_RED", Map.of("url", "postgres://r:p@h:1/r")))
        .isEqualTo(Map.of("HEROKU_POSTGRESQL_RED_URL", "postgres://r:p@h:1/r"));
    assertThat(provider.defaultAttachment()).isEqualTo("DATABASE");
    assertThat(provider.service()).isEqualTo("postgres");
  }

  @Test
  void infoWarnsOnlyAboveThePlansSize() {
    PostgresPlan mini = PostgresPlan.named("mini");
    TenantFacts small = new TenantFacts(8_000_000, "7813 kB", 2, 20, "14.22");
    TenantFacts large = new TenantFacts(1L << 31, "2048 MB", 0, 20, "14.22");

    assertThat(small.describe(mini)).containsExactly(
        Map.entry("plan", "mini"), Map.entry("data_size", "7813 kB"), Map.entry("connections", "2/20"),
        Map.entry("version", "PostgreSQL 14.22"));
    assertThat(large.describe(mini)).containsKey("warning");
    assertThat(large.describe(PostgresPlan.named("basic"))).doesNotContainKey("warning");
  }
}
