package io.paas.controller.server;

import java.lang.management.ManagementFactory;

/** What an agent offers dynos unless told: this machine's memory less 2 GB for the platform, 8 CPUs per core. */
final class HostCapacity {
  private HostCapacity() {
  }

  static long memoryBytes() {
    long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getTotalMemorySize();
    return Math.max(512L * 1024 * 1024, total - 2048L * 1024 * 1024);
  }

  /** CPU limits cap a dyno's share, and dynos rarely all peak at once. */
  static double cpus() {
    return 8.0 * Runtime.getRuntime().availableProcessors();
  }
}
