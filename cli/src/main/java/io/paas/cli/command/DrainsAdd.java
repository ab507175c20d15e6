package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "drains:add", mixinStandardHelpOptions = true,
    description = "Forward the app's logs, every line from now on, to a syslog or https receiver.")
public final class DrainsAdd extends PaasCommand {
  @Parameters(paramLabel = "URL",
      description = "syslog://HOST:PORT, syslog+tls://HOST:PORT or https://HOST[:PORT]/PATH.")
  private String url;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonObject drain = paas.api().post(Drains.path(app), new JsonObject().put("url", url));
    out().line("Successfully added drain " + drain.getString("url"));
  }
}
