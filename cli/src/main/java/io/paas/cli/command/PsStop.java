package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ps:stop", aliases = "stop", mixinStandardHelpOptions = true,
    description = "Stop one dyno, like a one-off run.")
public final class PsStop extends PaasCommand {
  @Parameters(paramLabel = "DYNO", description = "Dyno like web.2 or run.3.")
  private String dyno;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    out().action("Stopping " + Ps.target(dyno) + " on " + app,
        () -> paas.api().post(Ps.path(app, dyno) + "/actions/stop", null));
  }
}
