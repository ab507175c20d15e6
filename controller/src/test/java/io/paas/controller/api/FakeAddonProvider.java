package io.paas.controller.api;

import io.paas.controller.addons.AddonInstance;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.addons.AddonProvider;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A service whose resources are names in a set: enough to test the addon model without real servers. */
final class FakeAddonProvider implements AddonProvider {
  final Set<String> live = ConcurrentHashMap.newKeySet();
  private final String service;
  private final String attachment;

  FakeAddonProvider(String service, String attachment) {
    this.service = service;
    this.attachment = attachment;
  }

  @Override
  public String service() {
    return service;
  }

  @Override
  public String defaultAttachment() {
    return attachment;
  }

  @Override
  public List<AddonPlan> plans() {
    return List.of(new AddonPlan("mini", "the small one"), new AddonPlan("big", "the big one"));
  }

  @Override
  public Future<Map<String, String>> provision(AddonInstance addon) {
    live.add(addon.name());
    return Future.succeededFuture(Map.of("url", service + "://user:" + UUID.randomUUID() + "@db.example/" + addon.name()));
  }

  @Override
  public Future<Void> deprovision(AddonInstance addon, Map<String, String> credentials) {
    live.remove(addon.name());
    return Future.succeededFuture();
  }

  @Override
  public Map<String, String> configVars(String as, Map<String, String> credentials) {
    return Map.of(as + "_URL", credentials.get("url"));
  }

  @Override
  public Future<Map<String, String>> info(AddonInstance addon, Map<String, String> credentials) {
    return Future.succeededFuture(Map.of("plan", addon.plan(), "status", live.contains(addon.name()) ? "up" : "gone"));
  }
}
