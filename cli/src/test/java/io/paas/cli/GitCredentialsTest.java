package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitCredentialsTest {
  @TempDir
  Path dir;

  @Test
  void answersWithTheTokenForThePlatformsHost() {
    CliRunner cli = new CliRunner(dir, dir).env("PAAS_API_URL", "http://127.0.0.1:5000").env("PAAS_API_TOKEN", "t0k");
    cli.stdin = "protocol=http\nhost=127.0.0.1:5000\npath=git/blog.git\n\n";

    assertThat(cli.run("git:credentials", "get").out()).isEqualTo("username=paas\npassword=t0k\n");
  }

  @Test
  void staysSilentForAnyOtherHost() {
    CliRunner cli = new CliRunner(dir, dir).env("PAAS_API_URL", "http://127.0.0.1:5000").env("PAAS_API_TOKEN", "t0k");
    cli.stdin = "protocol=https\nhost=github.com\n\n";

    CliRunner.Result result = cli.run("git:credentials", "get");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEmpty();
  }
}
