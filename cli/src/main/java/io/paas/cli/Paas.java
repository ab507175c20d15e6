package io.paas.cli;

import io.paas.cli.command.Access;
import io.paas.cli.command.AccessAdd;
import io.paas.cli.command.AccessRemove;
import io.paas.cli.command.Addons;
import io.paas.cli.command.AddonsCreate;
import io.paas.cli.command.AddonsDestroy;
import io.paas.cli.command.AddonsInfo;
import io.paas.cli.command.AddonsServices;
import io.paas.cli.command.AdminAgents;
import io.paas.cli.command.AdminAudit;
import io.paas.cli.command.AdminQuotas;
import io.paas.cli.command.AdminQuotasSet;
import io.paas.cli.command.AdminTeams;
import io.paas.cli.command.AdminUsers;
import io.paas.cli.command.Apps;
import io.paas.cli.command.AppsCreate;
import io.paas.cli.command.AppsDestroy;
import io.paas.cli.command.AppsInfo;
import io.paas.cli.command.AppsSettings;
import io.paas.cli.command.AppsTransfer;
import io.paas.cli.command.AuthToken;
import io.paas.cli.command.Authorizations;
import io.paas.cli.command.AuthorizationsRevoke;
import io.paas.cli.command.ConfigGet;
import io.paas.cli.command.ConfigSet;
import io.paas.cli.command.ConfigUnset;
import io.paas.cli.command.ConfigVars;
import io.paas.cli.command.Domains;
import io.paas.cli.command.DomainsAdd;
import io.paas.cli.command.DomainsRemove;
import io.paas.cli.command.Drains;
import io.paas.cli.command.DrainsAdd;
import io.paas.cli.command.DrainsRemove;
import io.paas.cli.command.GitCredentials;
import io.paas.cli.command.GitRemoteCommand;
import io.paas.cli.command.Login;
import io.paas.cli.command.Logout;
import io.paas.cli.command.Logs;
import io.paas.cli.command.Mail;
import io.paas.cli.command.MailShow;
import io.paas.cli.command.Maintenance;
import io.paas.cli.command.MaintenanceOff;
import io.paas.cli.command.MaintenanceOn;
import io.paas.cli.command.Members;
import io.paas.cli.command.MembersAdd;
import io.paas.cli.command.MembersRemove;
import io.paas.cli.command.MembersSet;
import io.paas.cli.command.PgInfo;
import io.paas.cli.command.PgPsql;
import io.paas.cli.command.Ps;
import io.paas.cli.command.PsResize;
import io.paas.cli.command.PsRestart;
import io.paas.cli.command.PsScale;
import io.paas.cli.command.PsStop;
import io.paas.cli.command.RedisCli;
import io.paas.cli.command.Releases;
import io.paas.cli.command.ReleasesInfo;
import io.paas.cli.command.ReleasesRollback;
import io.paas.cli.command.Run;
import io.paas.cli.command.Teams;
import io.paas.cli.command.TeamsCreate;
import io.paas.cli.command.Whoami;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** The {@code paas} command: Heroku-style {@code topic:verb} subcommands against the Platform API. */
@Command(name = "paas", mixinStandardHelpOptions = true, versionProvider = Paas.Version.class,
    description = "Deploy and run apps on the platform.",
    subcommands = {
        HelpCommand.class,
        Login.class, Logout.class, Whoami.class, AuthToken.class, Authorizations.class, AuthorizationsRevoke.class,
        Apps.class, AppsCreate.class, AppsInfo.class, AppsDestroy.class, AppsSettings.class, AppsTransfer.class,
        Access.class, AccessAdd.class, AccessRemove.class,
        Teams.class, TeamsCreate.class, Members.class, MembersAdd.class, MembersSet.class, MembersRemove.class,
        Maintenance.class, MaintenanceOn.class, MaintenanceOff.class,
        Domains.class, DomainsAdd.class, DomainsRemove.class,
        Addons.class, AddonsServices.class, AddonsCreate.class, AddonsInfo.class, AddonsDestroy.class,
        PgInfo.class, PgPsql.class, RedisCli.class,
        Releases.class, ReleasesInfo.class, ReleasesRollback.class,
        ConfigVars.class, ConfigGet.class, ConfigSet.class, ConfigUnset.class,
        Ps.class, PsScale.class, PsResize.class, PsRestart.class, PsStop.class, Run.class,
        Logs.class, Drains.class, DrainsAdd.class, DrainsRemove.class,
        Mail.class, MailShow.class,
        AdminAgents.class, AdminUsers.class, AdminTeams.class, AdminQuotas.class, AdminQuotasSet.class,
        AdminAudit.class,
        GitRemoteCommand.class, GitCredentials.class,
    })
public final class Paas implements Runnable {
  private final Env env;

  @Spec
  private CommandSpec spec;

  public Paas() {
    this(Env.system());
  }

  public Paas(Env env) {
    this.env = env;
  }

  /** Writes straight to System.out so a write to a closed pipe shows in {@code checkError()} and a log tail can stop. */
  public static void main(String[] args) {
    System.exit(new CommandLine(new Paas()).setOut(new PrintWriter(System.out, true)).execute(args));
  }

  /** Bare {@code paas} shows what it can do. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public Env env() {
    return env;
  }

  public CredentialsStore credentials() {
    return new CredentialsStore(env);
  }

  public Config config() {
    return Config.resolve(env, credentials().load());
  }

  /** A client that sends the configured token; fails with "Run paas login." when there is none. */
  public ApiClient api() {
    Config config = config();
    return new ApiClient(config.apiUrl(), config.requireToken());
  }

  public GitRepo git() {
    return new GitRepo(env.workDir(), env.var("HOME"));
  }

  /** The version Maven filtered into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Paas.class.getResourceAsStream("version.properties")) {
        properties.load(in);
      }
      return new String[] {"paas/" + properties.getProperty("version") + " java-" + System.getProperty("java.version")};
    }
  }
}
