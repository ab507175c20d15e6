package io.paas.cli.command;

import io.paas.cli.GitRepo;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apps:create", aliases = "create", mixinStandardHelpOptions = true,
    description = "Create an app; inside a git repo, also add a git remote to push it with.")
public final class AppsCreate extends PaasCommand {
  @Parameters(paramLabel = "NAME", description = "Name of the app: lowercase letters, digits and dashes.")
  private String name;

  @Option(names = {"-t", "--team"}, paramLabel = "TEAM", description = "Create the app in this team.")
  private String team;

  @Option(names = {"-r", "--remote"}, paramLabel = "REMOTE", defaultValue = "paas",
      description = "Name of the git remote to add (default: ${DEFAULT-VALUE}).")
  private String remote;

  @Override
  protected void run() {
    JsonObject body = new JsonObject().put("name", name);
    if (team != null) {
      body.put("team", team);
    }
    JsonObject app = out().action("Creating " + name + (team == null ? "" : " in team " + team),
        () -> paas.api().post("/apps", body));
    out().line(app.getString("web_url") + " | " + app.getString("git_url"));
    GitRepo git = paas.git();
    if (git.isWorkTree()) {
      boolean added = git.setRemote(remote, app.getString("git_url"));
      out().line("Git remote " + remote + (added ? " added" : " updated"));
    }
  }
}
