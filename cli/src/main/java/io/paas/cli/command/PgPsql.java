package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "pg:psql", aliases = "psql", mixinStandardHelpOptions = true,
    description = "Open psql (the PostgreSQL client, installed locally) on the app's database.")
public final class PgPsql extends PaasCommand {
  @Parameters(paramLabel = "DATABASE", arity = "0..1", defaultValue = "DATABASE",
      description = "An addon or attachment name (default: ${DEFAULT-VALUE}).")
  private String database;

  @Option(names = {"-c", "--command"}, paramLabel = "SQL", description = "Run this SQL and exit.")
  private String command;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    URI url = AddonInfo.url(paas.api(), appOption.resolve(paas.git()), database, "postgres");
    // The password goes in the environment, never on a command line others can read in ps.
    setExitStatus(LocalClient.run(arguments(url, command), "PGPASSWORD", UserInfo.of(url).password(),
        "postgresql-client"));
  }

  /**
   * The psql command line for a {@code postgres://user:password@host:port/database} URL, without its password.
   * {@code --no-password}: the password comes from the platform, so psql should fail rather than ask for one.
   */
  static List<String> arguments(URI url, String sql) {
    List<String> psql = new ArrayList<>(List.of("psql", "--no-password", "--host", url.getHost()));
    if (url.getPort() != -1) {
      psql.addAll(List.of("--port", Integer.toString(url.getPort())));
    }
    String user = UserInfo.of(url).name();
    if (!user.isEmpty()) {
      psql.addAll(List.of("--username", user));
    }
    String path = url.getPath() == null ? "" : url.getPath();
    if (path.length() > 1) {
      psql.addAll(List.of("--dbname", path.substring(1)));
    }
    if (sql != null) {
      psql.addAll(List.of("--no-psqlrc", "--command", sql));
    }
    return psql;
  }
}
