package io.paas.controller.deploy;

import io.paas.controller.scheduler.DynoRequest;
import io.paas.controller.scheduler.DynoSize;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one-off dynos running now ({@code paas run}): they take room on the cluster like any dyno while they run, so
 * formations and other runs are checked against them. Kept by the controller that started them.
 */
public final class OneOffs {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, DynoRequest> running = new ConcurrentHashMap<>();

  /** Reserves a new {@code run.N} name for the app, unique among its running one-offs. */
  public DynoRequest reserve(String app, DynoSize size) {
    while (true) {
      DynoRequest dyno = new DynoRequest(app, "run." + (1000 + RANDOM.nextInt(9000)), "run", size);
      if (running.putIfAbsent(key(dyno), dyno) == null) {
        return dyno;
      }
    }
  }

  public void release(DynoRequest dyno) {
    running.remove(key(dyno));
  }

  public List<DynoRequest> all() {
    return List.copyOf(running.values());
  }

  private static String key(DynoRequest dyno) {
    return dyno.app() + "/" + dyno.name();
  }
}
