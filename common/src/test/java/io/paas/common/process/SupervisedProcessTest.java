package io.paas.common.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.common.process.SupervisedProcess.State;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real child processes (sh, sleep), killed and stopped as the platform's would be. */
class SupervisedProcessTest {
  private static final Duration GRACE = Duration.ofSeconds(5);

  @TempDir
  Path dir;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<ProcessHandle> starts = new CopyOnWriteArrayList<>();
  private final ProcessListener listener = new ProcessListener() {
    @Override
    public void output(String line) {
      lines.add(line);
    }

    @Override
    public void started(ProcessHandle process) {
      starts.add(process);
    }
  };
  private SupervisedProcess supervised;

  @AfterEach
  void stop() {
    if (supervised != null) {
      supervised.close();
    }
  }

  @Test
  void runsTheCommandInItsWorkingDirAndPassesOnStdoutAndStderrLineByLine() throws Exception {
    supervised = start("pwd; echo to stdout; echo to stderr >&2; exec sleep 60");

    eventually(() -> lines.size() == 3);

    assertThat(lines).containsExactlyInAnyOrder(dir.toRealPath().toString(), "to stdout", "to stderr");
    assertThat(supervised.state()).isEqualTo(State.RUNNING);
    assertThat(starts).hasSize(1);
    assertThat(supervised.current()).contains(starts.get(0));
  }

  @Test
  void startsAnotherProcessWhenTheOneRunningIsKilled() throws Exception {
    supervised = start("exec sleep 60");
    ProcessHandle first = supervised.current().orElseThrow();

    first.destroyForcibly();

    eventually(() -> starts.size() == 2);
    assertThat(supervised.state()).isEqualTo(State.RUNNING);
    ProcessHandle second = supervised.current().orElseThrow();
    assertThat(second.pid()).isNotEqualTo(first.pid());
    assertThat(second.isAlive()).isTrue();
  }

  @Test
  void isRestartingBetweenADeathAndTheNextStart() throws Exception {
    supervised = start("exec sleep 60");
    supervised.current().orElseThrow().destroyForcibly();

    eventually(() -> supervised.state() == State.RESTARTING);

    assertThat(supervised.current()).isEmpty();
    eventually(() -> supervised.state() == State.RUNNING);
  }

  @Test
  void startsAgainAProcessThatExitsByItself() throws Exception {
    supervised = start("echo ran; exit 3");

    eventually(() -> starts.size() >= 2);

    // The second start is reported before its output is read.
    eventually(() -> lines.stream().filter("ran"::equals).count() >= 2);
    assertThat(lines).startsWith("ran", "ran");
  }

  @Test
  void stopsWithSigtermAndStartsNoOtherProcess() throws Exception {
    supervised = start("trap 'echo terminated; exit 0' TERM; while true; do sleep 0.1; done");
    ProcessHandle running = supervised.current().orElseThrow();

    supervised.stop().get(GRACE.toSeconds(), TimeUnit.SECONDS);

    assertThat(running.isAlive()).isFalse();
    eventually(() -> lines.contains("terminated"));
    Thread.sleep(RestartBackoff.FIRST.multipliedBy(3).toMillis());
    assertThat(starts).hasSize(1);
    assertThat(supervised.state()).isEqualTo(State.STOPPED);
    assertThat(supervised.current()).isEmpty();
  }

  @Test
  void killsAProcessThatIgnoresSigtermOnceTheGracePeriodIsOver() throws Exception {
    supervised = SupervisedProcess.start("stubborn", shell("trap '' TERM; while true; do sleep 0.1; done"),
        Duration.ofMillis(300), listener);
    ProcessHandle running = supervised.current().orElseThrow();

    supervised.stop().get(GRACE.toSeconds(), TimeUnit.SECONDS);

    assertThat(running.isAlive()).isFalse();
  }

  @Test
  void stoppingWhileRestartingStartsNothingMore() throws Exception {
    supervised = start("exit 1");
    eventually(() -> supervised.state() == State.RESTARTING);

    supervised.stop().get(GRACE.toSeconds(), TimeUnit.SECONDS);
    int startsWhenStopped = starts.size();
    Thread.sleep(RestartBackoff.FIRST.multipliedBy(3).toMillis());

    assertThat(starts).hasSize(startsWhenStopped);
    assertThat(supervised.state()).isEqualTo(State.STOPPED);
  }

  @Test
  void failsToStartWithTheCommandInTheMessageWhenItCannotRun() {
    ProcessBuilder missing = new ProcessBuilder("/nonexistent/server", "--flag");

    assertThatThrownBy(() -> SupervisedProcess.start("missing server", missing, GRACE, listener))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Cannot start missing server (/nonexistent/server --flag)");
  }

  private SupervisedProcess start(String script) throws IOException {
    return SupervisedProcess.start("test-process", shell(script), GRACE, listener);
  }

  private ProcessBuilder shell(String script) {
    return new ProcessBuilder("sh", "-c", script).directory(dir.toFile());
  }

  private static void eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s for a condition").isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
