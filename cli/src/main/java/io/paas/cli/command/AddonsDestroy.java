package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "addons:destroy", aliases = {"addons:remove", "addons:delete"}, mixinStandardHelpOptions = true,
    description = "Destroy an addon and all its data; its config vars are removed and the dynos restart.")
public final class AddonsDestroy extends PaasCommand {
  @Parameters(paramLabel = "ADDON", description = "The addon's name or attachment name (DATABASE).")
  private String addon;

  @Mixin
  private AppOption appOption;

  @Option(names = "--confirm", paramLabel = "APP", description = "The app's name, to confirm.")
  private String confirm;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    if (!app.equals(confirm)) {
      throw new CliException("This destroys " + addon + " of " + app + " and all its data. "
          + "To proceed, run again with --confirm " + app);
    }
    out().action("Destroying " + addon + " on " + app, () -> paas.api().delete(Addons.path(app, addon)));
  }
}
