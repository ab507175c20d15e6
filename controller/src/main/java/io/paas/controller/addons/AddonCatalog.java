package io.paas.controller.addons;

import io.paas.common.ApiException;
import io.paas.common.Printable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The services addons are made from, by name, and the plan a {@code service[:plan]} spec names. */
public final class AddonCatalog {
  private final Map<String, AddonProvider> providers = new LinkedHashMap<>();

  public AddonCatalog(List<AddonProvider> providers) {
    providers.forEach(provider -> this.providers.put(provider.service(), provider));
  }

  public List<AddonProvider> providers() {
    return List.copyOf(providers.values());
  }

  /** The provider of a service; an unknown one is a 404 that lists the services there are. */
  public AddonProvider provider(String service) {
    AddonProvider provider = providers.get(service);
    if (provider == null) {
      throw ApiException.notFound("Couldn't find the addon service " + Printable.of(service) + ". Services: "
          + String.join(", ", providers.keySet()) + ".");
    }
    return provider;
  }

  /** {@code postgres} (the default plan) or {@code postgres:basic}; an unknown plan is a 404 that lists the plans. */
  public Choice choose(String spec) {
    int colon = spec.indexOf(':');
    AddonProvider provider = provider(colon < 0 ? spec : spec.substring(0, colon));
    List<AddonPlan> plans = provider.plans();
    if (colon < 0) {
      return new Choice(provider, plans.get(0));
    }
    String plan = spec.substring(colon + 1);
    return plans.stream().filter(p -> p.name().equals(plan)).findFirst()
        .map(found -> new Choice(provider, found))
        .orElseThrow(() -> ApiException.notFound("Couldn't find the plan " + Printable.of(plan) + " of "
            + provider.service() + ". Plans: " + String.join(", ", plans.stream().map(AddonPlan::name).toList())
            + "."));
  }

  public record Choice(AddonProvider provider, AddonPlan plan) {
  }
}
