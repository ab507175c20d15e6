package io.paas.cli;

import picocli.CommandLine.Option;

/** {@code -a APP}, or the app the current repo's git remote points at, as Heroku does. */
public final class AppOption {
  @Option(names = {"-a", "--app"}, paramLabel = "APP", description = "App to run the command against.")
  private String app;

  @Option(names = {"-r", "--remote"}, paramLabel = "REMOTE", defaultValue = "paas",
      description = "Git remote of the app to use (default: ${DEFAULT-VALUE}).")
  private String remote;

  public String remote() {
    return remote;
  }

  public String resolve(GitRepo git) {
    if (app != null) {
      return app;
    }
    return git.remoteUrl(remote).flatMap(GitRepo::appOf).orElseThrow(() -> new CliException(
        "No app specified. Use -a APP or run inside a git repo with a " + remote + " remote."));
  }
}
