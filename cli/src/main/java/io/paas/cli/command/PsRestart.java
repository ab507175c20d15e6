package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "ps:restart", aliases = "restart", mixinStandardHelpOptions = true,
    description = "Restart all of an app's dynos, those of one process type, or one dyno.")
public final class PsRestart extends PaasCommand {
  @Parameters(paramLabel = "TYPE|DYNO", arity = "0..1", description = "Process type like web, or dyno like web.1 (default: all).")
  private String dyno;

  @Mixin
  private AppOption appOption;

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    if (dyno == null) {
      out().action("Restarting dynos on " + app, () -> paas.api().delete(Ps.path(app)));
    } else {
      out().action("Restarting " + Ps.target(dyno) + " on " + app, () -> paas.api().delete(Ps.path(app, dyno)));
    }
  }
}
