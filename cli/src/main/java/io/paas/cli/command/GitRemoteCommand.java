package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.GitRepo;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "git:remote", mixinStandardHelpOptions = true,
    description = "Add (or repoint) the git remote of an existing app in the current repo.")
public final class GitRemoteCommand extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    GitRepo git = paas.git();
    if (!git.isWorkTree()) {
      throw new CliException("Not inside a git repo. Run git init first.");
    }
    String url = paas.api().get("/apps/" + ApiClient.segment(appOption.resolve(git))).getString("git_url");
    git.setRemote(appOption.remote(), url);
    out().line("set git remote " + appOption.remote() + " to " + url);
  }
}
