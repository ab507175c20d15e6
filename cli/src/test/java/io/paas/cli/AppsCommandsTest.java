package io.paas.cli;

import static io.paas.cli.TestGit.git;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AppsCommandsTest extends CliTest {
  @Test
  void listsTheAppsByName() {
    platform.addApp("blog");
    platform.addApp("shop");

    CliRunner.Result result = cli.run("apps");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== My Apps\nblog\nshop\n");
  }

  @Test
  void listsOwnThenTeamThenCollaboratedAppsApart() {
    platform.addApp("blog");
    platform.teams.addTeam("acme", "viewer");
    platform.teams.addTeamApp("api", "acme");
    platform.addApp("legacy").put("owner", "alice@example.com").put("role", "collaborator");

    CliRunner.Result result = cli.run("apps");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== My Apps\nblog\n\n"
        + "=== Apps in team acme\napi\n\n"
        + "=== Collaborated Apps\nlegacy  alice@example.com\n");
  }

  @Test
  void createInATeamSendsTheTeam() {
    platform.teams.addTeam("acme", "member");

    CliRunner.Result result = cli.run("apps:create", "api", "--team", "acme");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps")).isEqualTo(new JsonObject().put("name", "api").put("team", "acme"));
    assertThat(result.out()).startsWith("Creating api in team acme... done\n");
    assertThat(cli.run("apps:info", "-a", "api").out()).contains("Team:    acme\n").doesNotContain("Owner");
  }

  @Test
  void saysWhenThereAreNoApps() {
    assertThat(cli.run("apps").out()).isEqualTo("You have no apps.\n");
  }

  @Test
  void createSendsTheNameAndAddsAGitRemote() throws Exception {
    TestGit.init(work);

    CliRunner.Result result = cli.run("apps:create", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(platform.firstBody("POST", "/apps")).isEqualTo(new JsonObject().put("name", "blog"));
    String gitUrl = platform.url() + "/git/blog.git";
    assertThat(result.out()).isEqualTo("Creating blog... done\n"
        + "http://blog.localhost:8080/ | " + gitUrl + "\n"
        + "Git remote paas added\n");
    assertThat(git(work, "remote", "get-url", "paas")).isEqualTo(gitUrl);
  }

  @Test
  void createRepointsAnExistingRemote() throws Exception {
    TestGit.init(work);
    git(work, "remote", "add", "paas", "http://elsewhere/git/old.git");

    CliRunner.Result result = cli.run("apps:create", "blog");

    assertThat(result.out()).endsWith("Git remote paas updated\n");
    assertThat(git(work, "remote", "get-url", "paas")).isEqualTo(platform.url() + "/git/blog.git");
  }

  @Test
  void createOutsideAGitRepoOnlyCreates() {
    CliRunner.Result result = cli.run("apps:create", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).doesNotContain("Git remote");
    assertThat(platform.apps).containsKey("blog");
  }

  @Test
  void infoFindsTheAppFromTheGitRemote() throws Exception {
    platform.addApp("blog").put("release", "v3");
    TestGit.init(work);
    git(work, "remote", "add", "paas", platform.url() + "/git/blog.git");

    CliRunner.Result result = cli.run("apps:info");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("=== blog\n"
        + "Owner:   dev@example.com\n"
        + "Release: v3\n"
        + "Web URL: http://blog.localhost:8080/\n"
        + "Git URL: " + platform.url() + "/git/blog.git\n"
        + "Created: 2025-01-02T03:04:05Z\n");
    assertThat(platform.requests("GET", "/apps/blog")).hasSize(1);
  }

  @Test
  void infoWithoutAppOrRemoteSaysHowToName() {
    CliRunner.Result result = cli.run("apps:info");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("ERROR: No app specified. Use -a APP or run inside a git repo with a paas remote.\n");
    assertThat(platform.requests).isEmpty();
  }

  @Test
  void destroyWithoutConfirmDeletesNothing() {
    platform.addApp("blog");

    CliRunner.Result wrong = cli.run("apps:destroy", "blog", "--confirm", "blgo");
    CliRunner.Result missing = cli.run("apps:destroy", "blog");

    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("--confirm blog");
    assertThat(platform.requests).allSatisfy(request -> assertThat(request.method()).isEqualTo("GET"));
    assertThat(platform.apps).containsKey("blog");
  }

  @Test
  void destroyDeletesTheAppAndItsRemote() throws Exception {
    platform.addApp("blog");
    TestGit.init(work);
    git(work, "remote", "add", "paas", platform.url() + "/git/blog.git");

    CliRunner.Result result = cli.run("apps:destroy", "blog", "--confirm", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Destroying blog... done\nGit remote paas removed\n");
    assertThat(platform.apps).doesNotContainKey("blog");
    assertThat(TestGit.remotes(work)).isEmpty();
  }

  @Test
  void destroyKeepsARemoteOfAnotherApp() throws Exception {
    platform.addApp("blog");
    TestGit.init(work);
    git(work, "remote", "add", "paas", platform.url() + "/git/shop.git");

    CliRunner.Result result = cli.run("apps:destroy", "-a", "blog", "--confirm", "blog");

    assertThat(result.out()).isEqualTo("Destroying blog... done\n");
    assertThat(git(work, "remote", "get-url", "paas")).endsWith("/git/shop.git");
  }

  @Test
  void gitRemoteAddsTheRemoteOfAnExistingApp() throws Exception {
    platform.addApp("blog");
    TestGit.init(work);

    CliRunner.Result result = cli.run("git:remote", "-a", "blog");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(git(work, "remote", "get-url", "paas")).isEqualTo(platform.url() + "/git/blog.git");
  }
}
