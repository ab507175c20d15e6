package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AddonsCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void addonsListsEachWithItsPlanAttachmentAndConfigVarNames() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");
    platform.addAddon("blog", "redis", "premium", "CACHE");

    CliRunner.Result result = cli.run("addons", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(
        "Addon                 Plan           As        Config vars   Created\n"
            + "postgres-amber-12345  postgres:mini  DATABASE  DATABASE_URL  2026-11-27 10:00 UTC\n"
            + "redis-aqua-12346      redis:premium  CACHE     CACHE_URL     2026-11-27 10:00 UTC\n");
    assertThat(result.out()).doesNotContain("secret");
  }

  @Test
  void addonsWithNoneSaysHowToAddOne() {
    CliRunner.Result result = cli.run("addons", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("blog has no addons. Add one with paas addons:create postgres -a blog\n");
  }

  @Test
  void servicesListsEveryPlanAndMarksTheDefaults() {
    CliRunner.Result result = cli.run("addons:services");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Service   Plan            Description\n"
        + "postgres  mini (default)  20 connections, 1 GB\n"
        + "postgres  basic           60 connections, 10 GB\n"
        + "postgres  standard        120 connections, 64 GB\n"
        + "redis     mini (default)  25 MB\n"
        + "redis     premium         100 MB\n"
        + "smtp      dev (default)   Catches the app's mail\n");
  }

  @Test
  void createSendsTheServiceAndSaysWhatItMadeAndWhichVarsItSet() {
    CliRunner.Result result = cli.run("addons:create", "postgres", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps/blog/addons")).isEqualTo(new JsonObject().put("plan", "postgres"));
    assertThat(result.out()).isEqualTo("Creating postgres on blog... done, postgres-amber-12345 (mini)\n"
        + "Created postgres-amber-12345 as DATABASE_URL\n"
        + "Use paas addons:info postgres-amber-12345 -a blog to view its details.\n");
    assertThat(platform.addons.get("blog")).singleElement()
        .satisfies(addon -> assertThat(addon.getString("attachment")).isEqualTo("DATABASE"));
  }

  @Test
  void createSendsThePlanAndTheAttachmentNameGiven() {
    CliRunner.Result result = cli.run("addons:create", "redis:premium", "--as", "CACHE", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps/blog/addons"))
        .isEqualTo(new JsonObject().put("plan", "redis:premium").put("as", "CACHE"));
    assertThat(result.out()).startsWith("Creating redis:premium on blog... done, redis-amber-12345 (premium)\n"
        + "Created redis-amber-12345 as CACHE_URL\n");
  }

  @Test
  void createOfAnUnknownServiceShowsTheApisListOfServices() {
    CliRunner.Result result = cli.run("addons:create", "mysql", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Creating mysql on blog... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find the addon service mysql. Services: postgres, redis, smtp.\n");
  }

  @Test
  void createUnderAnAttachmentNameTakenShowsTheConflict() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");

    CliRunner.Result result = cli.run("addons:create", "redis", "--as", "DATABASE", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Creating redis on blog... !\n");
    assertThat(result.err())
        .isEqualTo("ERROR: The app already has an attachment named DATABASE; choose another with --as.\n");
    assertThat(platform.addons.get("blog")).hasSize(1);
  }

  @Test
  void destroyWithoutConfirmDeletesNothing() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");

    CliRunner.Result missing = cli.run("addons:destroy", "DATABASE", "-a", "blog");
    CliRunner.Result wrong = cli.run("addons:destroy", "DATABASE", "-a", "blog", "--confirm", "blgo");

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("ERROR: This destroys DATABASE of blog and all its data. "
        + "To proceed, run again with --confirm blog\n");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(platform.requests).isEmpty();
    assertThat(platform.addons.get("blog")).hasSize(1);
  }

  @Test
  void destroyWithConfirmDeletesIt() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");

    CliRunner.Result result = cli.run("addons:destroy", "DATABASE", "-a", "blog", "--confirm", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Destroying DATABASE on blog... done\n");
    assertThat(platform.requests("DELETE", "/apps/blog/addons/DATABASE")).hasSize(1);
    assertThat(platform.addons.get("blog")).isEmpty();
  }

  @Test
  void destroyOfAnUnknownAddonFails() {
    CliRunner.Result result = cli.run("addons:destroy", "nope", "-a", "blog", "--confirm", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Destroying nope on blog... !\n");
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find the addon nope.\n");
  }

  @Test
  void infoShowsTheFactsAndTheVarNamesButNotTheirValues() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");

    CliRunner.Result result = cli.run("addons:info", "DATABASE", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== postgres-amber-12345\n"
        + "Service:     postgres\n"
        + "Plan:        mini\n"
        + "As:          DATABASE\n"
        + "Config vars: DATABASE_URL\n"
        + "Created:     2026-11-27 10:00 UTC\n"
        + "Connections: 1/20\n"
        + "Data size:   7.6 MB\n"
        + "Version:     PostgreSQL 15.4\n");
    assertThat(platform.firstRequest("GET", "/apps/blog/addons/DATABASE").query()).isNull();
  }

  @Test
  void infoWithShowCredentialsAlsoPrintsEachVarWithItsValue() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");

    CliRunner.Result result = cli.run("addons:info", "postgres-amber-12345", "--show-credentials", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("=== postgres-amber-12345\n").endsWith("Version:     PostgreSQL 15.4\n"
        + "\n"
        + "DATABASE_URL=postgres://postgres_amber_12345:pg-secret@10.1.0.2:5432/postgres_amber_12345\n");
    assertThat(platform.firstRequest("GET", "/apps/blog/addons/postgres-amber-12345").query())
        .isEqualTo("show_credentials=true");
  }

  @Test
  void infoOfAnUnknownAddonFails() {
    CliRunner.Result result = cli.run("addons:info", "nope", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find the addon nope.\n");
  }

  @Test
  void pgInfoShowsEachPostgresDatabaseOnly() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");
    platform.addAddon("blog", "redis", "mini", "REDIS");
    platform.addAddon("blog", "postgres", "basic", "POSTGRES_COLOR").getJsonObject("info")
        .put("connections", "3/60").put("data_size", "1.2 GB");

    CliRunner.Result result = cli.run("pg:info", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== DATABASE_URL (postgres-amber-12345)\n"
        + "Connections: 1/20\n"
        + "Data size:   7.6 MB\n"
        + "Plan:        mini\n"
        + "Version:     PostgreSQL 15.4\n"
        + "\n"
        + "=== POSTGRES_COLOR_URL (postgres-azure-12347)\n"
        + "Connections: 3/60\n"
        + "Data size:   1.2 GB\n"
        + "Plan:        basic\n"
        + "Version:     PostgreSQL 15.4\n"
        + "\n");
    assertThat(result.out()).doesNotContain("secret");
  }

  @Test
  void pgInfoOfOneDatabase() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");
    platform.addAddon("blog", "postgres", "basic", "POSTGRES_COLOR");

    CliRunner.Result result = cli.run("pg:info", "POSTGRES_COLOR", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("=== POSTGRES_COLOR_URL (postgres-aqua-12346)\n")
        .doesNotContain("DATABASE_URL");
  }

  @Test
  void pgInfoWithoutADatabaseSaysSo() {
    platform.addAddon("blog", "redis", "mini", "REDIS");

    CliRunner.Result result = cli.run("pg:info", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: blog has no PostgreSQL addon.\n");
  }

  @Test
  void appsDestroyWithoutConfirmNamesTheAddonsThatGoWithIt() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE");
    platform.addAddon("blog", "redis", "mini", "REDIS");

    CliRunner.Result result = cli.run("apps:destroy", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: This permanently destroys blog and everything in it, with its addons "
        + "and their data (postgres-amber-12345, redis-aqua-12346). To proceed, run again with --confirm blog\n");
    assertThat(platform.requests("DELETE", "/apps/blog")).isEmpty();
    assertThat(platform.apps).containsKey("blog");
  }

  @Test
  void appsDestroyWithoutConfirmOfAnAppWithoutAddons() {
    CliRunner.Result result = cli.run("apps:destroy", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: This permanently destroys blog and everything in it. "
        + "To proceed, run again with --confirm blog\n");
  }
}
