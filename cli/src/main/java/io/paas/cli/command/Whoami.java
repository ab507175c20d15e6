package io.paas.cli.command;

import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;

@Command(name = "auth:whoami", aliases = "whoami", mixinStandardHelpOptions = true,
    description = "Show the email of the account the token belongs to.")
public final class Whoami extends PaasCommand {
  @Override
  protected void run() {
    out().line(paas.api().get("/account").getString("email"));
  }
}
