package io.paas.controller.addons;

import io.paas.controller.firewall.HostFirewall;
import io.paas.controller.firewall.PortRule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;

/**
 * A provider whose server all apps share (the addon PostgreSQL, SMTP), opened in the host firewall to each app that
 * has one of its addons and to no other: an app without such an addon cannot even reach the server's port. The
 * firewall rule follows the addon: made with it, brought back when the platform starts, dropped with it.
 */
public final class AttachedOnly implements AddonProvider {
  private final AddonProvider provider;
  private final int port;
  private final AppSubnets subnets;
  private final HostFirewall firewall;
  private final Vertx vertx;

  public AttachedOnly(AddonProvider provider, int port, AppSubnets subnets, HostFirewall firewall, Vertx vertx) {
    this.provider = provider;
    this.port = port;
    this.subnets = subnets;
    this.firewall = firewall;
    this.vertx = vertx;
  }

  @Override
  public String service() {
    return provider.service();
  }

  @Override
  public String defaultAttachment() {
    return provider.defaultAttachment();
  }

  @Override
  public List<AddonPlan> plans() {
    return provider.plans();
  }

  @Override
  public Future<Map<String, String>> provision(AddonInstance addon) {
    return provider.provision(addon).compose(credentials -> open(addon).map(credentials));
  }

  @Override
  public Future<Void> deprovision(AddonInstance addon, Map<String, String> credentials) {
    return vertx.<Void>executeBlocking(() -> {
      firewall.revoke(addon.name());
      return null;
    }, false).compose(v -> provider.deprovision(addon, credentials));
  }

  @Override
  public Map<String, String> configVars(String as, Map<String, String> credentials) {
    return provider.configVars(as, credentials);
  }

  @Override
  public Future<Map<String, String>> info(AddonInstance addon, Map<String, String> credentials) {
    return provider.info(addon, credentials);
  }

  @Override
  public Future<Void> resume(AddonInstance addon, Map<String, String> credentials) {
    return provider.resume(addon, credentials).compose(v -> open(addon));
  }

  private Future<Void> open(AddonInstance addon) {
    return subnets.subnet(addon.app()).compose(subnet -> vertx.executeBlocking(() -> {
      firewall.allowShared(new PortRule(addon.name(), port, subnet));
      return null;
    }, false));
  }
}
