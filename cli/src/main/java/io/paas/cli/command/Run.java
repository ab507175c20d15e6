package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a command in a one-off dyno of the app's current release. Its output streams back, "
        + "and paas exits with its exit status.")
public final class Run extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = {"-d", "--detach"}, description = "Run in the background; the output goes to the app's log.")
  private boolean detach;

  @Parameters(paramLabel = "COMMAND", arity = "1..*",
      description = "The command and its arguments; everything from COMMAND on is the command's, options too.")
  private List<String> command;

  private Output status;
  private boolean up;
  private Integer exit;

  /** {@code paas run ls -a} runs {@code ls -a}: options after the command are its own, as with ssh or env. */
  @Spec
  void optionsEndAtTheCommand(CommandSpec spec) {
    spec.parser().stopAtPositional(true);
  }

  @Override
  protected void run() {
    String app = appOption.resolve(paas.git());
    String line = command.stream().map(Shell::quote).collect(Collectors.joining(" "));
    JsonObject body = new JsonObject().put("command", line).put("attach", !detach);
    String label = "Running " + line + " on " + app;
    if (detach) {
      String dyno = out().action(label, () -> paas.api().post(Ps.path(app), body).getString("name"), name -> ", " + name);
      out().line("Use paas logs -d " + dyno + " -a " + app + " to view the output.");
      return;
    }
    // The command's output owns stdout, so what paas itself says goes to stderr.
    status = new Output(spec.commandLine().getErr());
    status.start(label);
    try {
      paas.api().streamJson(Ps.path(app), body, this::onEvent);
    } catch (CliException e) {
      if (!up) {
        status.finish("!");
      }
      throw e;
    }
    if (exit == null) {
      throw new CliException("the connection ended before the command's exit status came.");
    }
    setExitStatus(Math.floorMod(exit, 256));
  }

  /** The dyno's name first, then its output lines, then its exit status. */
  private boolean onEvent(JsonObject event) {
    if (!up) {
      up = true;
      String name = event.getString("name");
      status.finish(name == null ? "up" : "up, " + name);
    }
    if (event.containsKey("line")) {
      return out().lineNow(String.valueOf(event.getValue("line")));
    }
    if (event.containsKey("exit")) {
      exit = event.getInteger("exit");
      return false;
    }
    return true;
  }
}
