package io.paas.cli.command;

import io.paas.cli.AppOption;
import io.paas.cli.PaasCommand;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "redis:cli", mixinStandardHelpOptions = true,
    description = "Open redis-cli (installed locally) on the app's Redis; words after the options are a command.")
public final class RedisCli extends PaasCommand {
  @Option(names = "--redis", paramLabel = "ADDON", defaultValue = "REDIS",
      description = "An addon or attachment name (default: ${DEFAULT-VALUE}).")
  private String redis;

  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A Redis command to run instead of a prompt.")
  private List<String> command = List.of();

  @Mixin
  private AppOption appOption;

  @Spec
  void optionsEndAtTheCommand(CommandSpec spec) {
    spec.parser().stopAtPositional(true);
  }

  @Override
  protected void run() {
    URI url = AddonInfo.url(paas.api(), appOption.resolve(paas.git()), redis, "redis");
    // The password goes in the environment, never on a command line others can read in ps.
    setExitStatus(LocalClient.run(arguments(url, command), "REDISCLI_AUTH", UserInfo.of(url).password(),
        "redis-tools"));
  }

  /** The redis-cli command line for a {@code redis://:password@host:port} URL, without its password. */
  static List<String> arguments(URI url, List<String> command) {
    List<String> cli = new ArrayList<>(List.of("redis-cli", "-h", url.getHost()));
    if (url.getPort() != -1) {
      cli.addAll(List.of("-p", Integer.toString(url.getPort())));
    }
    cli.addAll(command);
    return cli;
  }
}
