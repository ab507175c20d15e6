package io.paas.controller.api;

import io.paas.common.ApiException;
import io.paas.controller.store.AppSettings;
import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * The body of {@code PATCH /apps/{app}} as a change to the app's settings: any of {@code maintenance} (true or false),
 * {@code request_timeout} (seconds) and {@code health_check_path} (null for the default check). An unknown field or a
 * value of the wrong type is a 422, so a typo never passes for a change that did nothing.
 */
final class SettingsPatch {
  private SettingsPatch() {
  }

  static UnaryOperator<AppSettings> of(JsonObject body) {
    UnaryOperator<AppSettings> edit = UnaryOperator.identity();
    for (String field : body.fieldNames()) {
      UnaryOperator<AppSettings> before = edit;
      UnaryOperator<AppSettings> change = change(field, body.getValue(field));
      edit = settings -> change.apply(before.apply(settings));
    }
    return edit;
  }

  private static UnaryOperator<AppSettings> change(String field, Object value) {
    switch (field) {
      case "maintenance":
        if (value instanceof Boolean on) {
          return settings -> settings.withMaintenance(on);
        }
        throw ApiException.invalid("maintenance must be true or false.");
      case "request_timeout":
        if (value instanceof Integer seconds) {
          return settings -> settings.withRequestTimeout(seconds);
        }
        throw ApiException.invalid(AppSettings.REQUEST_TIMEOUT_RULE);
      case "health_check_path":
        if (value == null || value instanceof String) {
          return settings -> settings.withHealthCheckPath((String) value);
        }
        throw ApiException.invalid("health_check_path must be a path such as /health, or null for the default check.");
      default:
        throw ApiException.invalid("Unknown field " + field
            + "; an app's settings are maintenance, request_timeout and health_check_path.");
    }
  }
}
