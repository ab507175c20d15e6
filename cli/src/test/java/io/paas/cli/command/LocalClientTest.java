package io.paas.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.cli.CliException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local clients' command lines, and how they are run. */
class LocalClientTest {
  @Test
  void aMissingProgramSaysWhatToInstall() {
    assertThatThrownBy(() -> LocalClient.run(List.of("paas-no-such-client", "-h", "x"), "PGPASSWORD", "pw",
        "postgresql-client"))
        .isInstanceOf(CliException.class)
        .hasMessage("paas-no-such-client is not installed here; install it (Debian: apt-get install "
            + "postgresql-client) and try again.");
  }

  @Test
  void passesTheSecretInTheEnvironmentAndReturnsTheExitStatus() {
    assertThat(LocalClient.run(List.of("sh", "-c", "test \"$PGPASSWORD\" = 's3 cret' && exit 3"), "PGPASSWORD",
        "s3 cret", "postgresql-client")).isEqualTo(3);
  }

  @Test
  void withoutASecretTheVariableIsUnset() {
    assertThat(LocalClient.run(List.of("sh", "-c", "test -z \"${PGPASSWORD+set}\""), "PGPASSWORD", "",
        "postgresql-client")).isZero();
  }

  /**
   * Ctrl-C reaches paas and the client alike: paas must live on until the client exits (psql only cancels its
   * query), and the client must not inherit an ignored SIGINT. Were paas to take it, this test's JVM would exit.
   */
  @Test
  void anInterruptIsTheClientsAlone() {
    long paas = ProcessHandle.current().pid();

    int status = LocalClient.run(List.of("sh", "-c", "kill -INT " + paas + "; sleep 0.5; kill -INT $$; exit 7"),
        "PGPASSWORD", "", "postgresql-client");

    assertThat(status).as("killed by SIGINT").isEqualTo(128 + 2);
  }

  @Test
  void psqlGetsEverythingButThePassword() {
    List<String> psql = PgPsql.arguments(URI.create("postgres://u_blog:s3cret@db.example:5433/blog_db"), null);

    assertThat(psql).containsExactly("psql", "--no-password", "--host", "db.example", "--port", "5433",
        "--username", "u_blog", "--dbname", "blog_db");
  }

  @Test
  void psqlWithACommandReadsNoPsqlrc() {
    assertThat(PgPsql.arguments(URI.create("postgres://u:s3cret@db.example:5432/d"), "select 1"))
        .endsWith("--no-psqlrc", "--command", "select 1")
        .noneMatch(argument -> argument.contains("s3cret"));
  }

  @Test
  void psqlLeavesOutWhatTheUrlDoesNotSay() {
    assertThat(PgPsql.arguments(URI.create("postgres://db.example"), null))
        .containsExactly("psql", "--no-password", "--host", "db.example");
  }

  @Test
  void redisCliGetsEverythingButThePassword() {
    List<String> cli = RedisCli.arguments(URI.create("redis://:s3cret@cache.example:6380"), List.of("GET", "k"));

    assertThat(cli).containsExactly("redis-cli", "-h", "cache.example", "-p", "6380", "GET", "k");
    assertThat(RedisCli.arguments(URI.create("redis://cache.example"), List.of()))
        .containsExactly("redis-cli", "-h", "cache.example");
  }

  @Test
  void userInfoIsPercentDecodedWithPlusesKept() {
    assertThat(UserInfo.of(URI.create("postgres://u%2Fb:p+a%40s%3As@h/d"))).isEqualTo(new UserInfo("u/b", "p+a@s:s"));
    assertThat(UserInfo.of(URI.create("redis://:pw@h:1"))).isEqualTo(new UserInfo("", "pw"));
    assertThat(UserInfo.of(URI.create("postgres://h/d"))).isEqualTo(new UserInfo("", ""));
  }
}
