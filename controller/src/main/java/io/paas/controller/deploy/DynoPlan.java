package io.paas.controller.deploy;

import io.paas.agent.DynoSpec;
import io.paas.controller.store.Release;
import java.util.List;
import java.util.Map;

/** Turns a release into the dynos that should run it. One web dyno per app until formations exist. */
public final class DynoPlan {
  static final long WEB_MEMORY = 512L * 1024 * 1024;

  private DynoPlan() {
  }

  public static List<DynoSpec> dynos(String app, Release release) {
    return List.of(new DynoSpec(app, "web.1", release.version(), release.image(), null, Map.of(), WEB_MEMORY));
  }
}
