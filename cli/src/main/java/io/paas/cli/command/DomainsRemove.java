package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "domains:remove", aliases = "domains:delete", mixinStandardHelpOptions = true,
    description = "Remove a custom domain from the app; it stops being routed at once.")
public final class DomainsRemove extends PaasCommand {
  @Parameters(paramLabel = "HOSTNAME", description = "A custom domain of the app.")
  private String hostname;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    out().action("Removing " + hostname + " from " + app,
        () -> paas.api().delete(Domains.path(app) + "/" + ApiClient.segment(hostname)));
  }
}
