package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class DomainsCommandsTest extends CliTest {
  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void domainsListsTheDefaultOneThenCustomOnesWithTheirDnsTarget() {
    platform.addDomain("blog", "www.example.com");
    platform.addDomain("blog", "example.org");

    CliRunner.Result result = cli.run("domains", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog Default Domain\n"
        + "blog.localhost\n"
        + "\n"
        + "=== blog Custom Domains\n"
        + "Domain Name      DNS Target\n"
        + "www.example.com  blog.localhost\n"
        + "example.org      blog.localhost\n");
  }

  @Test
  void domainsWithoutCustomOnesShowsOnlyTheDefault() {
    assertThat(cli.run("domains", "-a", "blog").out()).isEqualTo("=== blog Default Domain\nblog.localhost\n");
  }

  @Test
  void addSendsTheNameAndSaysWhereDnsShouldPoint() {
    CliRunner.Result result = cli.run("domains:add", "WWW.Example.com", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps/blog/domains"))
        .isEqualTo(new JsonObject().put("hostname", "WWW.Example.com"));
    assertThat(result.out()).isEqualTo("Adding WWW.Example.com to blog... done\n"
        + "Configure your app's DNS provider to point www.example.com to the DNS Target blog.localhost.\n");
  }

  @Test
  void addOfANameInUseShowsTheApisMessage() {
    platform.addDomain("blog", "www.example.com");

    CliRunner.Result result = cli.run("domains:add", "www.example.com", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEqualTo("Adding www.example.com to blog... !\n");
    assertThat(result.err()).isEqualTo("ERROR: www.example.com is already in use.\n");
  }

  @Test
  void removeDeletesTheDomain() {
    platform.addDomain("blog", "www.example.com");

    CliRunner.Result result = cli.run("domains:remove", "www.example.com", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Removing www.example.com from blog... done\n");
    assertThat(platform.requests("DELETE", "/apps/blog/domains/www.example.com")).hasSize(1);
    assertThat(platform.domains.get("blog")).isEmpty();
  }

  @Test
  void removeOfAnUnknownDomainFails() {
    CliRunner.Result result = cli.run("domains:remove", "nope.example.com", "-a", "blog");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: Couldn't find that domain.\n");
  }
}
