package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.AppOption;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.paas.cli.PaasCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "logs", mixinStandardHelpOptions = true,
    description = "Show an app's recent log lines; with --tail, keep printing new ones until Ctrl-C.")
public final class Logs extends PaasCommand {
  @Mixin
  private AppOption appOption;

  @Option(names = {"-n", "--num"}, paramLabel = "NUM", defaultValue = "100",
      description = "How many recent lines to show (default: ${DEFAULT-VALUE}).")
  private int num;

  @Option(names = {"-t", "--tail"}, description = "Keep the stream open and print lines as they come.")
  private boolean tail;

  @Option(names = {"-s", "--source"}, paramLabel = "SOURCE",
      description = "Only lines from app, router, build, platform or api.")
  private String source;

  @Option(names = {"-d", "--dyno"}, paramLabel = "DYNO", description = "Only lines from one dyno, like web.1.")
  private String dyno;

  @Override
  protected void run() {
    if (num < 1) {
      throw new CliException("--num must be at least 1.");
    }
    StringBuilder path = new StringBuilder("/apps/" + ApiClient.segment(appOption.resolve(paas.git())) + "/logs")
        .append("?lines=").append(num)
        .append("&tail=").append(tail);
    if (source != null) {
      path.append("&source=").append(ApiClient.segment(source));
    }
    if (dyno != null) {
      path.append("&dyno=").append(ApiClient.segment(dyno));
    }
    Output out = out();
    paas.api().streamLines(path.toString(), out::lineNow);
  }
}
