package io.paas.agent.docker;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import io.paas.agent.DynoSpec;
import java.util.List;
import java.util.Map;

/**
 * What a dyno's container may use and do, the same for web, worker, one-off and release dynos: its size's memory (no
 * swap), CPU share and processes; no capabilities and no way to gain any (setuid binaries included); nothing of the
 * host's (no mounts, devices, host namespaces, Docker socket); its app's network and nothing else. Apps listen on
 * $PORT above 1024, so not even NET_BIND_SERVICE is needed.
 */
final class DynoSandbox {
  /** The fewest processes and threads a dyno may run: Heroku's figure for its smallest dynos. */
  static final long MIN_PIDS = 256;
  private static final long MB = 1024 * 1024;
  private static final double NANOS_PER_CPU = 1e9;
  /**
   * A /tmp every dyno can write to, whatever its image holds and whoever it runs as; its pages count against the
   * dyno's memory limit. Executable, as Docker's default is not: JVM and Python libraries unpack native code there.
   */
  private static final Map<String, String> TMP = Map.of("/tmp", "rw,exec,nosuid,nodev,mode=1777");

  private DynoSandbox() {
  }

  static HostConfig hostConfig(DynoSpec spec, String network) {
    HostConfig config = HostConfig.newHostConfig()
        .withNetworkMode(network)
        .withMemory(spec.memoryBytes())
        .withMemorySwap(spec.memoryBytes())
        .withPidsLimit(pidsLimit(spec))
        .withPrivileged(false)
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        // Docker's default too since 20.10, but engines configured otherwise share IPC with whoever asks.
        .withIpcMode("private")
        .withTmpFs(TMP)
        // An init as PID 1 passes SIGTERM on to the app (PID 1 ignores it otherwise) and reaps zombies.
        .withInit(true);
    if (spec.cpus() > 0) {
      config.withNanoCPUs(Math.round(spec.cpus() * NANOS_PER_CPU));
    }
    return config;
  }

  /** One process or thread per MB of memory, and never unlimited: a fork bomb stays in its dyno. */
  static long pidsLimit(DynoSpec spec) {
    return Math.max(MIN_PIDS, spec.memoryBytes() / MB);
  }
}
