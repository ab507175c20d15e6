package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.CliException;
import io.paas.cli.Output;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/** Sends a config change, which the platform turns into a new release, and names that release as Heroku does. */
final class ConfigChange {
  private ConfigChange() {
  }

  /** Prints {@code VERB KEYS and restarting APP... done, vN}; returns the app's config vars after the change. */
  static JsonObject apply(ApiClient api, Output out, String app, String verb, JsonObject change) {
    return out.action(verb + " " + String.join(", ", change.fieldNames()) + " and restarting " + app,
        () -> new Applied(api.patch(ConfigVars.path(app), change), newRelease(api, app)),
        applied -> applied.release().map(version -> ", " + version).orElse("")).vars();
  }

  /**
   * The release the change made is the newest one. The change has been made whatever happens here,
   * so failing to find the release only leaves its name out.
   */
  private static Optional<String> newRelease(ApiClient api, String app) {
    try {
      return ReleaseList.of(api, app).latest().map(ReleaseList::name);
    } catch (CliException e) {
      return Optional.empty();
    }
  }

  private record Applied(JsonObject vars, Optional<String> release) {
  }
}
