package io.paas.common.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sleep process stands for the server a killed parent left behind. */
class LeftoverProcessTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir
  Path dir;
  private Process sleep;

  @AfterEach
  void killTheSleep() throws InterruptedException {
    if (sleep != null) {
      sleep.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void stopsTheProgramItsPidFileNames() throws Exception {
    sleep = new ProcessBuilder("sleep", "60").start();
    Path pidFile = Files.writeString(dir.resolve("server.pid"), sleep.pid() + "\n/some/data/dir\n");

    assertThat(LeftoverProcess.stop(pidFile, "sleep", GRACE)).isTrue();

    assertThat(sleep.isAlive()).isFalse();
  }

  @Test
  void leavesAnotherProgramThatNowHasThePidAlone() throws Exception {
    sleep = new ProcessBuilder("sleep", "60").start();
    Path pidFile = Files.writeString(dir.resolve("server.pid"), sleep.pid() + "\n");

    assertThat(LeftoverProcess.stop(pidFile, "postgres", GRACE)).isFalse();

    assertThat(sleep.isAlive()).isTrue();
  }

  @Test
  void doesNothingWithoutAPidFileOrALivePid() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.writeString(dir.resolve("stale.pid"), gone.pid() + "\n");
    Path garbage = Files.writeString(dir.resolve("garbage.pid"), "not a pid\n");

    assertThat(LeftoverProcess.stop(dir.resolve("missing.pid"), "sleep", GRACE)).isFalse();
    assertThat(LeftoverProcess.stop(stale, "true", GRACE)).isFalse();
    assertThat(LeftoverProcess.stop(garbage, "sleep", GRACE)).isFalse();
  }
}
