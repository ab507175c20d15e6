package io.paas.controller.deploy;

import static io.paas.agent.Agent.WEB;

import io.paas.agent.DynoSpec;
import io.paas.common.ApiException;
import io.paas.controller.scheduler.DynoSize;
import io.paas.controller.store.FormationStore.Scale;
import io.paas.controller.store.Release;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Turns a release and the app's scales into its formation and the dynos that should run: {@code web.1…web.N} for
 * each type, with the release's config vars and the size's memory and CPU. A type never scaled runs at Heroku's
 * default: web at 1, the others at 0. Web dynos, the only ones that take traffic, carry the app's health check path.
 */
public final class DynoPlan {
  static final String DEFAULT_SIZE = DynoSize.DEFAULT.name();

  private DynoPlan() {
  }

  /** The process types of the release, in Procfile order; an image with no Procfile has one: web, its own CMD. */
  public static List<ProcessScale> formation(Release release, Map<String, Scale> scales) {
    List<ProcessScale> formation = new ArrayList<>();
    if (release == null || release.image() == null) {
      return formation;
    }
    Map<String, String> types = release.processTypes().isEmpty()
        ? Collections.singletonMap(WEB, null) : release.processTypes();
    types.forEach((type, command) -> {
      Scale scale = scales.getOrDefault(type, new Scale(type.equals(WEB) ? 1 : 0, DEFAULT_SIZE));
      formation.add(new ProcessScale(type, command, scale.quantity(), scale.size()));
    });
    return formation;
  }

  /** {@code healthCheckPath} is null for the default check. */
  public static List<DynoSpec> dynos(String app, Release release, Map<String, Scale> scales, String healthCheckPath) {
    List<DynoSpec> dynos = new ArrayList<>();
    for (ProcessScale process : formation(release, scales)) {
      DynoSize size = size(process.size());
      String checked = process.type().equals(WEB) ? healthCheckPath : null;
      for (int n = 1; n <= process.quantity(); n++) {
        dynos.add(new DynoSpec(app, process.type() + "." + n, release.version(), release.image(), process.command(),
            release.env(), size.memoryBytes(), size.cpus(), checked));
      }
    }
    return dynos;
  }

  /** The size with this name, or a 422 that lists the sizes there are. */
  public static DynoSize size(String name) {
    return DynoSize.named(name).orElseThrow(() -> ApiException.invalid("Unknown dyno size " + name + "; sizes are "
        + String.join(", ", DynoSize.all().stream().map(DynoSize::name).toList()) + "."));
  }

  /** The one-off dyno that runs the release command before the release goes live. */
  public static DynoSpec releasePhase(String app, Release release) {
    return oneOff(app, release, "release." + release.version(), release.releaseCommand());
  }

  /** A one-off dyno of the release ({@code paas run}), at the default size. */
  public static DynoSpec oneOff(String app, Release release, String name, String command) {
    DynoSize size = DynoSize.DEFAULT;
    return new DynoSpec(app, name, release.version(), release.image(), command, release.env(),
        size.memoryBytes(), size.cpus(), null);
  }
}
