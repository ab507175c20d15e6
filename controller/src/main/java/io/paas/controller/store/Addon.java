package io.paas.controller.store;

import io.paas.controller.addons.AddonInstance;
import java.time.OffsetDateTime;
import java.util.Map;

/** An addon as the platform records it; {@code credentials} are open here and sealed in the table. */
public record Addon(long id, long appId, String app, String name, String service, String plan, String attachedAs,
                    Map<String, String> credentials, OffsetDateTime createdAt) {
  public AddonInstance instance() {
    return new AddonInstance(name, app, service, plan);
  }

  @Override
  public String toString() {
    // Records print every field; credentials must never reach a log line or an error message.
    return "Addon[" + name + " of " + app + " as " + attachedAs + "]";
  }
}
