package io.paas.controller.deploy;

import io.paas.agent.DynoSpec;
import io.paas.controller.store.Release;
import java.util.List;

/**
 * Turns a release into the dynos that should run it: one web dyno, with the release's config vars, running the
 * Procfile's web command (the image's own command when the build declared no process types). Other process types
 * run once formations can scale them.
 */
public final class DynoPlan {
  static final long DYNO_MEMORY = 512L * 1024 * 1024;

  private DynoPlan() {
  }

  public static List<DynoSpec> dynos(String app, Release release) {
    if (release.image() == null) {
      return List.of();
    }
    boolean declared = !release.processTypes().isEmpty();
    if (declared && !release.processTypes().containsKey("web")) {
      return List.of();
    }
    String command = declared ? release.processTypes().get("web") : null;
    return List.of(new DynoSpec(app, "web.1", release.version(), release.image(), command, release.config(),
        DYNO_MEMORY));
  }

  /** The one-off dyno that runs the release command before the release goes live. */
  public static DynoSpec releasePhase(String app, Release release) {
    return new DynoSpec(app, "release." + release.version(), release.version(), release.image(),
        release.releaseCommand(), release.config(), DYNO_MEMORY);
  }
}
