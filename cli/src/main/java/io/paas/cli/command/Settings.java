package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.Output;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** An app's settings, which live on the app itself ({@code GET/PATCH /apps/{app}}): changing them makes no release. */
final class Settings {
  private Settings() {
  }

  static String path(String app) {
    return "/apps/" + ApiClient.segment(app);
  }

  /** Prints {@code Enabling maintenance mode for APP... done} (or disabling) around the change. */
  static void maintenance(ApiClient api, Output out, String app, boolean on) {
    out.action((on ? "Enabling" : "Disabling") + " maintenance mode for " + app,
        () -> api.patch(path(app), new JsonObject().put("maintenance", on)));
  }

  static String maintenance(JsonObject app) {
    return app.getBoolean("maintenance", false) ? "on" : "off";
  }

  static void print(Output out, JsonObject app) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("Maintenance", maintenance(app));
    fields.put("Request timeout", app.getInteger("request_timeout") + " s");
    String path = app.getString("health_check_path");
    fields.put("Health check path", path != null ? path : "(default: any answer to HEAD /)");
    out.header(app.getString("name") + " Settings");
    out.fields(fields);
  }
}
