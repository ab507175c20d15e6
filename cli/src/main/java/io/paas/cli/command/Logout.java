package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;

@Command(name = "logout", aliases = "auth:logout", mixinStandardHelpOptions = true,
    description = "Forget the saved credentials.")
public final class Logout extends PaasCommand {
  @Override
  protected void run() {
    out().line(paas.credentials().delete() ? "Logged out" : "Not logged in");
  }
}
