package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.GitRepo;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apps:destroy", aliases = {"destroy", "apps:delete"}, mixinStandardHelpOptions = true,
    description = "Permanently delete an app, its releases, dynos and add-ons.")
public final class AppsDestroy extends PaasCommand {
  @Parameters(paramLabel = "NAME", arity = "0..1", description = "App to destroy (or use -a APP).")
  private String name;

  @Mixin
  private AppOption appOption;

  @Option(names = "--confirm", paramLabel = "NAME", description = "The app's name again, to confirm.")
  private String confirm;

  @Override
  protected void run() {
    GitRepo git = paas.git();
    String app = name != null ? name : appOption.resolve(git);
    if (!app.equals(confirm)) {
      List<String> addons = paas.api().getArray(Addons.path(app)).stream()
          .map(addon -> ((JsonObject) addon).getString("name")).toList();
      throw new CliException("This permanently destroys " + app + " and everything in it"
          + (addons.isEmpty() ? "" : ", with its addons and their data (" + String.join(", ", addons) + ")")
          + ". To proceed, run again with --confirm " + app);
    }
    out().action("Destroying " + app, () -> paas.api().delete("/apps/" + ApiClient.segment(app)));
    String remote = appOption.remote();
    if (git.remoteUrl(remote).flatMap(GitRepo::appOf).filter(app::equals).isPresent()) {
      git.removeRemote(remote);
      out().line("Git remote " + remote + " removed");
    }
  }
}
