package io.paas.controller.addons;

import io.paas.common.ApiException;
import io.paas.controller.deploy.ReleaseService;
import io.paas.controller.logs.LogEntry;
import io.paas.controller.logs.LogHub;
import io.paas.controller.quota.Quota;
import io.paas.controller.quota.QuotaSubject;
import io.paas.controller.quota.Quotas;
import io.paas.controller.store.Addon;
import io.paas.controller.store.AddonStore;
import io.paas.controller.store.App;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provisioning and deprovisioning: each made by its provider, recorded, announced in the app's log and carried to
 * the dynos by a release of the addon's config vars. A provisioning that fails to be recorded is undone, so no
 * resource is left without an owner.
 */
public final class AddonService {
  private static final Logger LOG = LoggerFactory.getLogger(AddonService.class);

  private final AddonCatalog catalog;
  private final AddonStore addons;
  private final ReleaseService releases;
  private final Quotas quotas;
  private final LogHub logs;

  public AddonService(AddonCatalog catalog, AddonStore addons, ReleaseService releases, Quotas quotas, LogHub logs) {
    this.catalog = catalog;
    this.quotas = quotas;
    this.addons = addons;
    this.releases = releases;
    this.logs = logs;
  }

  public AddonCatalog catalog() {
    return catalog;
  }

  public Future<List<Addon>> list(App app) {
    return addons.ofApp(app.id());
  }

  /** By its name or its attachment name; another app's addon is a 404 like a missing one. */
  public Future<Addon> get(App app, String name) {
    return addons.find(app.id(), name)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("Couldn't find the addon " + name + ".")));
  }

  /**
   * {@code spec} is {@code service[:plan]}; {@code as} may be null for the service's usual attachment name. The addon
   * counts against the app's addons quota from its provisioning on.
   */
  public Future<Addon> create(App app, String spec, String as, long userId, String email) {
    return Future.succeededFuture(spec).map(catalog::choose)
        .compose(choice -> quotas.admitOne(QuotaSubject.of(app), Quota.ADDONS, () -> provision(app, choice, as)))
        .compose(attached -> {
          Addon addon = attached.addon();
          announce(app, "Provisioned " + addon.name() + " (" + addon.plan() + ") as " + addon.attachedAs()
              + " by user " + email);
          // A rollout that fails leaves the last release serving; the addon and its vars stay recorded.
          return releases.changeAddonConfig(app, attached.vars(), "Attach " + addon.attachedAs() + " ("
              + addon.name() + ")", userId, email).transform(rolledOut -> Future.succeededFuture(addon));
        });
  }

  /** Makes the addon and records it, with the config vars it sets; undone if it cannot be recorded. */
  private Future<Attached> provision(App app, AddonCatalog.Choice choice, String as) {
    return addons.ofApp(app.id()).compose(existing -> releases.config(app).compose(config -> {
      AddonProvider provider = choice.provider();
      Set<String> taken = existing.stream().map(Addon::attachedAs).collect(Collectors.toSet());
      String attachment = as == null
          ? AddonNames.freeAttachment(provider.service(), provider.defaultAttachment(), taken)
          : AddonNames.requireAttachment(as);
      if (taken.contains(attachment)) {
        throw ApiException.conflict("The app already has an attachment named " + attachment
            + "; choose another with --as.");
      }
      AddonInstance draft = new AddonInstance(AddonNames.newName(provider.service()), app.name(),
          provider.service(), choice.plan().name());
      return provider.provision(draft).compose(credentials -> {
        Map<String, String> vars = provider.configVars(attachment, credentials);
        List<String> clash = vars.keySet().stream().filter(config::containsKey).sorted().toList();
        if (!clash.isEmpty()) {
          return undo(provider, draft, credentials, ApiException.conflict(String.join(", ", clash)
              + " is already set; unset it or attach the addon under another name with --as."));
        }
        return addons.insert(app.id(), draft.name(), draft.service(), draft.plan(), attachment, credentials)
            .recover(e -> undo(provider, draft, credentials, e))
            .map(addon -> new Attached(addon, vars));
      });
    }));
  }

  /** Detaches it (a release without its config vars) and destroys it with its data. */
  public Future<Addon> destroy(App app, String name, long userId, String email) {
    return get(app, name).compose(addon -> addons.delete(addon.id()).compose(deleted -> {
      Map<String, String> removed = new HashMap<>();
      catalog.provider(addon.service()).configVars(addon.attachedAs(), addon.credentials()).keySet()
          .forEach(key -> removed.put(key, null));
      return releases.changeAddonConfig(app, removed, "Detach " + addon.attachedAs() + " (" + addon.name() + ")",
              userId, email)
          .transform(rolledOut -> catalog.provider(addon.service()).deprovision(addon.instance(),
              addon.credentials()))
          .onSuccess(v -> announce(app, "Destroyed " + addon.name() + " by user " + email))
          .map(addon);
    }));
  }

  /** Destroys what each addon holds; a failure is logged and the others still go. */
  public Future<Void> deprovisionAll(List<Addon> doomed) {
    List<Future<Void>> all = doomed.stream().map(addon -> catalog.provider(addon.service())
        .deprovision(addon.instance(), addon.credentials())
        .onFailure(e -> LOG.error("Could not destroy {} of the deleted app {}: {}", addon.name(), addon.app(),
            e.getMessage()))
        .recover(e -> Future.<Void>succeededFuture())).toList();
    return Future.join(all).mapEmpty();
  }

  /** Brings back every addon's resource when the platform starts (a redis-server per Redis addon). */
  public Future<Void> resumeAll() {
    return addons.all().compose(all -> Future.join(all.stream().map(addon -> catalog.provider(addon.service())
        .resume(addon.instance(), addon.credentials())
        .onFailure(e -> LOG.error("Could not resume {} of {}: {}", addon.name(), addon.app(), e.getMessage())))
        .toList()).mapEmpty());
  }

  /** The provider's facts, and with {@code credentials} the config vars the attachment sets. */
  public Future<Map<String, String>> info(Addon addon) {
    return catalog.provider(addon.service()).info(addon.instance(), addon.credentials());
  }

  public Map<String, String> configVars(Addon addon) {
    return catalog.provider(addon.service()).configVars(addon.attachedAs(), addon.credentials());
  }

  private static <T> Future<T> undo(AddonProvider provider, AddonInstance draft, Map<String, String> credentials,
                                    Throwable cause) {
    return provider.deprovision(draft, credentials).transform(ignored -> Future.failedFuture(cause));
  }

  private void announce(App app, String text) {
    logs.append(app.name(), LogEntry.now(LogEntry.PLATFORM, "api", text));
  }

  private record Attached(Addon addon, Map<String, String> vars) {
  }
}
