package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.CliException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** An app's releases, oldest first, with the lookups the release commands share. */
final class ReleaseList {
  private static final Comparator<JsonObject> BY_VERSION = Comparator.comparingInt(release -> release.getInteger("version"));

  private final String app;
  private final List<JsonObject> releases;

  private ReleaseList(String app, List<JsonObject> releases) {
    this.app = app;
    this.releases = releases;
  }

  /** Sorts by version itself rather than trusting the API's order. */
  static ReleaseList of(ApiClient api, String app) {
    JsonArray releases = api.getArray(path(app));
    return new ReleaseList(app, IntStream.range(0, releases.size()).mapToObj(releases::getJsonObject)
        .sorted(BY_VERSION).toList());
  }

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app) + "/releases";
  }

  /** {@code v3} or {@code 3}, as Heroku takes it. */
  static int version(String text) {
    if (!text.matches("[vV]?\\d{1,9}")) {
      throw new CliException("Release " + text + " is not a version like v3.");
    }
    return Integer.parseInt(text.replaceFirst("^[vV]", ""));
  }

  static String name(JsonObject release) {
    return "v" + release.getInteger("version");
  }

  static boolean isCurrent(JsonObject release) {
    return release.getBoolean("current", false);
  }

  /** Oldest first. */
  List<JsonObject> all() {
    return releases;
  }

  Optional<JsonObject> latest() {
    return releases.isEmpty() ? Optional.empty() : Optional.of(releases.get(releases.size() - 1));
  }

  JsonObject current() {
    return releases.stream().filter(ReleaseList::isCurrent).findFirst()
        .orElseThrow(() -> new CliException(app + " has no current release."));
  }

  /** The newest succeeded release older than the current one: where a rollback goes by default. */
  JsonObject previous() {
    int current = current().getInteger("version");
    return releases.stream()
        .filter(release -> release.getInteger("version") < current && "succeeded".equals(release.getString("status")))
        .max(BY_VERSION)
        .orElseThrow(() -> new CliException(app + " has no release before v" + current + " to roll back to."));
  }
}
