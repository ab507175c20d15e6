package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "domains:add", mixinStandardHelpOptions = true,
    description = "Add a custom domain to the app; it is routed, and served over HTTPS, at once.")
public final class DomainsAdd extends PaasCommand {
  @Parameters(paramLabel = "HOSTNAME", description = "Like www.example.com.")
  private String hostname;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonObject domain = out().action("Adding " + hostname + " to " + app,
        () -> paas.api().post(Domains.path(app), new JsonObject().put("hostname", hostname)));
    out().line("Configure your app's DNS provider to point " + domain.getString("hostname") + " to the DNS Target "
        + domain.getString("cname") + ".");
  }
}
