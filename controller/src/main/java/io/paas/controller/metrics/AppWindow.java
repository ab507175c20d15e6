package io.paas.controller.metrics;

/** One app's last hour: its requests and its dynos' memory, each locking itself. */
final class AppWindow {
  final AppRequests requests = new AppRequests();
  final AppMemory memory = new AppMemory();

  /** Whether nothing of the app is left in the window that ends with {@code now}; forgets idle dynos meanwhile. */
  boolean idle(long now) {
    boolean noDynos = memory.dropIdle(now);
    return noDynos && requests.idle(now);
  }
}
