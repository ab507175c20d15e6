package io.paas.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** pg:psql running the real psql of this machine against a {@link FakePostgres}. */
class PgPsqlCommandTest extends CliTest {
  /** With a plus, which stays one in a URL's user info, and an at sign, which has to be escaped there. */
  private static final String PASSWORD = "pa+ss@w/rd";
  private static final String ENCODED_PASSWORD = "pa+ss%40w%2Frd";

  private FakePostgres postgres;

  @BeforeEach
  void startPostgres() throws IOException {
    assumeTrue(Programs.installed("psql"), "psql is not installed");
    postgres = new FakePostgres(PASSWORD);
  }

  @AfterEach
  void stopPostgres() throws IOException {
    if (postgres != null) {
      postgres.close();
    }
  }

  private void database(String attachment, String url) {
    platform.addAddon("blog", "postgres", "mini", attachment).getJsonObject("config").put(attachment + "_URL", url);
  }

  private String url(String password) {
    return "postgres://u_blog:" + password + "@127.0.0.1:" + postgres.port() + "/blog_db";
  }

  @Override
  protected void seed() {
    platform.addApp("blog");
  }

  @Test
  void runsPsqlAsTheDatabasesRoleWithItsPassword() {
    database("DATABASE", url(ENCODED_PASSWORD));

    CliRunner.Result result = cli.run("pg:psql", "-a", "blog", "-c", "select 1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(postgres.startups).singleElement().satisfies(startup -> assertThat(startup)
        .containsAllEntriesOf(Map.of("user", "u_blog", "database", "blog_db")));
    assertThat(postgres.passwords).containsExactly(PASSWORD);
    assertThat(postgres.queries).containsExactly("select 1");
    assertThat(platform.firstRequest("GET", "/apps/blog/addons/DATABASE").query()).isEqualTo("show_credentials=true");
  }

  @Test
  void opensTheDatabaseNamed() {
    database("DATABASE", url("wrong"));
    database("OTHER", url(ENCODED_PASSWORD));

    CliRunner.Result result = cli.run("pg:psql", "OTHER", "-a", "blog", "-c", "select 2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(postgres.queries).containsExactly("select 2");
  }

  @Test
  void aRefusedPasswordIsPsqlsFailure() {
    database("DATABASE", url("wrong"));

    CliRunner.Result result = cli.run("pg:psql", "-a", "blog", "-c", "select 1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(postgres.passwords).containsExactly("wrong");
    assertThat(postgres.queries).isEmpty();
  }

  @Test
  void withoutAPasswordPsqlFailsRatherThanAsks() {
    database("DATABASE", "postgres://u_blog@127.0.0.1:" + postgres.port() + "/blog_db");

    CliRunner.Result result = cli.run("pg:psql", "-a", "blog", "-c", "select 1");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(postgres.startups).hasSize(1);
    assertThat(postgres.passwords).isEmpty();
  }

  @Test
  void anUnreachableServerIsPsqlsFailure() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    database("DATABASE", "postgres://u_blog:" + ENCODED_PASSWORD + "@127.0.0.1:" + closed + "/blog_db");

    CliRunner.Result result = cli.run("pg:psql", "-a", "blog", "-c", "select 1");

    assertThat(result.exitCode()).isEqualTo(2);
  }

  @Test
  void refusesAnAddonOfAnotherService() {
    platform.addAddon("blog", "redis", "mini", "REDIS");

    CliRunner.Result result = cli.run("pg:psql", "REDIS", "-a", "blog", "-c", "select 1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: REDIS is a redis addon, not postgres.\n");
  }

  @Test
  void anAddonWithoutItsUrlIsReported() {
    platform.addAddon("blog", "postgres", "mini", "DATABASE").getJsonObject("config").clear();

    CliRunner.Result result = cli.run("pg:psql", "-a", "blog", "-c", "select 1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("ERROR: DATABASE has no usable DATABASE_URL.\n");
  }
}
