package io.paas.controller.addons;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * A service addons are made from (postgres, redis, smtp). The platform records addons and attachments; a provider
 * makes and destroys the resource behind one and says which config vars an attachment sets. Credentials are the
 * provider's own fields (url, password, ...), kept encrypted by the platform and handed back on every later call.
 */
public interface AddonProvider {
  /** The name users give to {@code addons:create}: postgres, redis, smtp. */
  String service();

  /** The attachment name used when the user gives none and it is free: DATABASE, REDIS, SMTP. */
  String defaultAttachment();

  /** The plans, the default first. */
  List<AddonPlan> plans();

  /** Makes the resource; completes with its credentials. A failure leaves nothing behind. */
  Future<Map<String, String>> provision(AddonInstance addon);

  /** Destroys the resource and its data; succeeds when it is already gone. */
  Future<Void> deprovision(AddonInstance addon, Map<String, String> credentials);

  /** The config vars an attachment named {@code as} sets, e.g. {@code DATABASE_URL}. */
  Map<String, String> configVars(String as, Map<String, String> credentials);

  /** Facts for {@code addons:info} and {@code pg:info}, with no secret in them (size, connections, limits). */
  Future<Map<String, String>> info(AddonInstance addon, Map<String, String> credentials);

  /** Brings an existing addon's resource back when the platform starts (a redis-server process); a no-op for most. */
  default Future<Void> resume(AddonInstance addon, Map<String, String> credentials) {
    return Future.succeededFuture();
  }
}
