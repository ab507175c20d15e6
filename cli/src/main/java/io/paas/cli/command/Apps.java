package io.paas.cli.command;

import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "apps", aliases = "apps:list", mixinStandardHelpOptions = true, description = "List your apps.")
public final class Apps extends PaasCommand {
  @Option(names = {"-j", "--json"}, description = "Print the API's JSON.")
  private boolean json;

  @Override
  protected void run() {
    JsonArray apps = paas.api().getArray("/apps");
    Output out = out();
    if (json) {
      out.line(apps.encodePrettily());
    } else if (apps.isEmpty()) {
      out.line("You have no apps.");
    } else {
      out.header("My Apps");
      for (int i = 0; i < apps.size(); i++) {
        out.line(apps.getJsonObject(i).getString("name"));
      }
    }
  }
}
