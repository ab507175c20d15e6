package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "mail:show", mixinStandardHelpOptions = true,
    description = "Print a message the app sent, as it was received; with --text, only the text a person reads.")
public final class MailShow extends PaasCommand {
  @Parameters(paramLabel = "ID", description = "The message's ID, as paas mail lists it.")
  private String id;

  @Mixin
  private AppOption appOption;

  @Option(names = {"-t", "--text"}, description = "Only the message's text part, decoded.")
  private boolean text;

  @Override
  protected void run() {
    if (!id.matches("\\d{1,18}")) {
      throw new CliException("Message " + id + " is not an ID like 42.");
    }
    String app = appOption.resolve(paas.git());
    Output out = out();
    paas.api().streamLines(Mail.path(app) + "/" + id + (text ? "?format=text" : ""), out::lineNow);
  }
}
