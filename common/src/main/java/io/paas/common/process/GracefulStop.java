package io.paas.common.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Ends a process the way an init system does: SIGTERM, and SIGKILL if it is still there after a grace period. */
public final class GracefulStop {
  private GracefulStop() {
  }

  /** Completes once the process is gone. */
  public static CompletableFuture<Void> stop(ProcessHandle process, Duration grace) {
    // Signalled through the handle: Process.destroy() would also close the output before the process's last lines.
    process.destroy();
    return process.onExit()
        .orTimeout(grace.toMillis(), TimeUnit.MILLISECONDS)
        .exceptionallyCompose(slow -> {
          process.destroyForcibly();
          return process.onExit();
        })
        .thenApply(gone -> null);
  }
}
