package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Option;

/** Whose quotas: a user by email or a team by name, one of the two. */
final class QuotaSubjectOption {
  @Option(names = {"-u", "--user"}, paramLabel = "EMAIL", description = "A user's quotas.")
  String user;

  @Option(names = {"-t", "--team"}, paramLabel = "TEAM", description = "A team's quotas.")
  String team;

  String name() {
    return user != null ? user : "team " + team;
  }

  /** The API's field for it, put into {@code body}. */
  JsonObject into(JsonObject body) {
    return user != null ? body.put("user", user) : body.put("team", team);
  }

  /** The API's query for it. */
  String query() {
    return user != null ? "?user=" + ApiClient.segment(user) : "?team=" + ApiClient.segment(team);
  }
}
