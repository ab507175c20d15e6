package io.paas.cli;

import picocli.CommandLine.Option;

/** {@code -t TEAM}, which the member commands need: unlike an app, a team is never found from a git remote. */
public final class TeamOption {
  @Option(names = {"-t", "--team"}, paramLabel = "TEAM", required = true,
      description = "Team to run the command against.")
  private String team;

  public String team() {
    return team;
  }

  /** {@code /teams/TEAM/members}. */
  public String membersPath() {
    return "/teams/" + ApiClient.segment(team) + "/members";
  }
}
