package io.paas.cli.command;

import io.paas.cli.ApiClient;
import io.paas.cli.CliException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** One addon as the API shows it, for the commands that read one (addons:info, pg:*, redis:cli). */
final class AddonInfo {
  private AddonInfo() {
  }

  static JsonObject fetch(ApiClient api, String app, String addon, boolean credentials) {
    return api.get(Addons.path(app, addon) + (credentials ? "?show_credentials=true" : ""));
  }

  /** The addon's {@code *_URL}, checked to be of the service the command speaks to. */
  static URI url(ApiClient api, String app, String addon, String service) {
    JsonObject info = fetch(api, app, addon, true);
    if (!service.equals(info.getString("service"))) {
      throw new CliException(addon + " is a " + info.getString("service") + " addon, not " + service + ".");
    }
    String key = info.getString("attachment") + "_URL";
    JsonObject config = info.getJsonObject("config", new JsonObject());
    try {
      URI url = new URI(config.getString(key, ""));
      if (url.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // unusable, as said below
    }
    throw new CliException(addon + " has no usable " + key + ".");
  }

  /** {@code connections_used} reads {@code Connections used}. */
  static String label(String key) {
    String words = key.replace('_', ' ');
    return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
  }
}
