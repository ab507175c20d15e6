package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailCommandsTest extends CliTest {
  private static final String RAW = "From: Shop <shop@example.com>\r\nTo: ann@example.org\r\nSubject: Your order\r\n"
      + "\r\nThanks for your order.\r\nSee you soon.\r\n";

  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void mailListsTheNewestFirstWithDateSenderRecipientsAndSubject() {
    platform.addMail("blog", 1, "Shop <shop@example.com>", "ann@example.org", "Your order", RAW);
    platform.addMail("blog", 2, "noreply@example.com", "bob@example.org", "Welcome", RAW);

    CliRunner.Result result = cli.run("mail", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog Mail\n"
        + "ID  Date                  From                     To               Subject\n"
        + "2   2026-11-27 10:02 UTC  noreply@example.com      bob@example.org  Welcome\n"
        + "1   2026-11-27 10:01 UTC  Shop <shop@example.com>  ann@example.org  Your order\n");
    assertThat(platform.firstRequest("GET", "/apps/blog/mail").query()).isEqualTo("limit=20");
  }

  @Test
  void mailAsksForAsManyAsNumSays() {
    platform.addMail("blog", 1, "a@example.com", "b@example.org", "One", RAW);
    platform.addMail("blog", 2, "a@example.com", "b@example.org", "Two", RAW);

    CliRunner.Result result = cli.run("mail", "-a", "blog", "-n", "1");

    assertThat(result.out()).contains("Two").doesNotContain("One");
    assertThat(platform.firstRequest("GET", "/apps/blog/mail").query()).isEqualTo("limit=1");
    assertThat(cli.run("mail", "-a", "blog", "-n", "0").err()).isEqualTo("ERROR: --num must be at least 1.\n");
  }

  @Test
  void mailOfAnAppThatSentNoneSaysSo() {
    CliRunner.Result result = cli.run("mail", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("blog has sent no mail.\n");
  }

  @Test
  void showPrintsTheMessageAsReceived() {
    platform.addMail("blog", 7, "Shop <shop@example.com>", "ann@example.org", "Your order", RAW);

    CliRunner.Result result = cli.run("mail:show", "7", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo(RAW.replace("\r\n", "\n"));
  }

  @Test
  void showWithTextPrintsTheTextAlone() {
    platform.addMail("blog", 7, "Shop <shop@example.com>", "ann@example.org", "Your order", RAW);

    CliRunner.Result result = cli.run("mail:show", "7", "--text", "-a", "blog");

    assertThat(result.out()).isEqualTo("Thanks for your order.\nSee you soon.\n");
    assertThat(platform.firstRequest("GET", "/apps/blog/mail/7").query()).isEqualTo("format=text");
  }

  @Test
  void showOfAnUnknownOrMalformedIdFails() {
    CliRunner.Result unknown = cli.run("mail:show", "99", "-a", "blog");
    CliRunner.Result malformed = cli.run("mail:show", "../apps", "-a", "blog");

    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).isEqualTo("ERROR: Couldn't find that message.\n");
    assertThat(malformed.exitCode()).isEqualTo(1);
    assertThat(malformed.err()).isEqualTo("ERROR: Message ../apps is not an ID like 42.\n");
    assertThat(platform.requests).noneMatch(request -> request.path().contains(".."));
  }
}
