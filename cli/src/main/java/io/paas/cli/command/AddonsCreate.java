package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "addons:create", aliases = "addons:add", mixinStandardHelpOptions = true,
    description = "Provision an addon for the app; its config vars are set and the dynos restart with them.")
public final class AddonsCreate extends PaasCommand {
  @Parameters(paramLabel = "SERVICE[:PLAN]", description = "postgres, redis or smtp, with a plan or the default one.")
  private String plan;

  @Option(names = "--as", paramLabel = "NAME", description = "Attachment name, the prefix of its config vars "
      + "(default: DATABASE, REDIS or SMTP, or SERVICE_COLOR when that is taken).")
  private String as;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    JsonObject body = new JsonObject().put("plan", plan);
    if (as != null) {
      body.put("as", as);
    }
    JsonObject addon = out().action("Creating " + plan + " on " + app,
        () -> paas.api().post(Addons.path(app), body), made -> ", " + made.getString("name") + " ("
            + made.getString("plan") + ")");
    out().line("Created " + addon.getString("name") + " as " + String.join(", ",
        addon.getJsonArray("config_vars").stream().map(String::valueOf).toList()));
    out().line("Use paas addons:info " + addon.getString("name") + " -a " + app + " to view its details.");
  }
}
