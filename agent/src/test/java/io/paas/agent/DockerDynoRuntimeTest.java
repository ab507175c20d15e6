package io.paas.agent;

import static io.paas.agent.TestDocker.MEMORY;
import static io.paas.agent.TestDocker.spec;
import static io.paas.agent.TestDocker.web;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Ports;
import io.paas.agent.docker.DockerDynoRuntime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DockerDynoRuntimeTest {
  private TestDocker engine;
  private String agentName;
  private DockerDynoRuntime runtime;

  @BeforeEach
  void setUp() {
    engine = new TestDocker();
    agentName = engine.newAgentName();
    runtime = engine.runtime(agentName);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void startedDynoServesOnItsPublishedLoopbackPort() throws Exception {
    Dyno dyno = runtime.start(web("demo", 1, "v1"));

    assertThat(dyno.host()).isEqualTo("127.0.0.1");
    assertThat(dyno.port()).isPositive();
    assertThat(dyno.running()).isTrue();
    assertThat(engine.getWhenUp(dyno.port())).isEqualTo("v1\n");
  }

  @Test
  void containerCarriesLabelsEnvAndLoopbackOnlyBinding() {
    String agentName = engine.newAgentName();
    Dyno dyno = engine.runtime(agentName).start(web("demo", 7, "v7"));

    InspectContainerResponse container = engine.inspect(dyno.containerId());
    assertThat(container.getName()).startsWith("/paas-demo-web.1-v7-");
    assertThat(container.getConfig().getLabels()).containsEntry("paas.agent", agentName)
        .containsEntry("paas.app", "demo").containsEntry("paas.dyno", "web.1").containsEntry("paas.release", "7");
    assertThat(container.getConfig().getEnv()).contains("PORT=5000", "DYNO=web.1", "GREETING=hello");
    assertThat(container.getNetworkSettings().getNetworks()).containsOnlyKeys("paas-app-demo");
    Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(5000));
    assertThat(bindings).extracting(Ports.Binding::getHostIp).containsOnly("127.0.0.1");
    assertThat(bindings).extracting(Ports.Binding::getHostPortSpec).containsOnly(Integer.toString(dyno.port()));
  }

  @Test
  void dynoContainersAreSandboxed() {
    Dyno web = runtime.start(web("demo", 1, "v1"));
    Dyno worker = runtime.start(spec("demo", "worker.1", 1, "exec sleep 600"));

    for (Dyno dyno : List.of(web, worker)) {
      InspectContainerResponse container = engine.inspect(dyno.containerId());
      HostConfig host = container.getHostConfig();
      assertThat(container.getConfig().getUser()).as("an unprivileged uid").isEqualTo("10001:10001");
      assertThat(container.getConfig().getEnv()).contains("HOME=/tmp");
      assertThat(host.getPrivileged()).isFalse();
      assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
      assertThat(host.getCapAdd()).isNullOrEmpty();
      assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
      assertThat(host.getPidsLimit()).isEqualTo(256L);
      assertThat(host.getMemory()).isEqualTo(MEMORY);
      assertThat(host.getMemorySwap()).as("no swap").isEqualTo(MEMORY);
      assertThat(host.getInit()).isTrue();
      assertThat(host.getNetworkMode()).as("the app's own network, not the host's").isEqualTo("paas-app-demo");
      assertThat(host.getPidMode()).as("its own PID namespace").isNullOrEmpty();
      assertThat(host.getIpcMode()).isEqualTo("private");
      assertThat(host.getUtSMode()).isNullOrEmpty();
      assertThat(host.getUsernsMode()).isNullOrEmpty();
      assertThat(host.getBinds()).as("no host paths, no Docker socket").isNullOrEmpty();
      assertThat(host.getMounts()).isNullOrEmpty();
      assertThat(host.getVolumesFrom()).isNullOrEmpty();
      assertThat(host.getDevices()).isNullOrEmpty();
      assertThat(host.getTmpFs()).containsOnlyKeys("/tmp");
      assertThat(container.getMounts()).extracting(InspectContainerResponse.Mount::getDestination)
          .as("no volumes either").isEmpty();
    }
  }

  @Test
  void aDynoRunsWithoutCapabilitiesPrivilegesOrTheDockerSocketAndWritesOnlyToTmp() {
    List<String> output = new CopyOnWriteArrayList<>();

    int status = runtime.runOnce(spec("demo", "run.1", 1, String.join("; ",
        "echo uid=$(id -u) gid=$(id -g) home=$HOME",
        "grep -E '^(CapEff|CapPrm|CapBnd|NoNewPrivs):' /proc/self/status | tr -s '\\t' ' '",
        "echo pids=$(cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max)",
        "[ -e /var/run/docker.sock ] && echo docker-socket || echo no-docker-socket",
        "touch /app-file 2>/dev/null && echo root-dir-writable || echo root-dir-read-only",
        "touch /tmp/file && echo tmp-writable")), output::add);

    assertThat(status).isZero();
    assertThat(output).containsExactly("uid=10001 gid=10001 home=/tmp",
        "CapPrm: 0000000000000000", "CapEff: 0000000000000000", "CapBnd: 0000000000000000", "NoNewPrivs: 1",
        "pids=256", "no-docker-socket", "root-dir-read-only", "tmp-writable");
  }

  @Test
  void theUserAnImageNamesIsKeptUnlessItIsRoot() throws Exception {
    Dyno named = runtime.start(withImage(spec("demo", "worker.1", 1, "exec sleep 600"),
        engine.imageWithUser("4242:4343")));
    Dyno root = runtime.start(withImage(spec("demo", "worker.2", 1, "exec sleep 600"), engine.imageWithUser("root")));

    assertThat(engine.inspect(named.containerId()).getConfig().getUser()).isEqualTo("4242:4343");
    assertThat(engine.inspect(named.containerId()).getConfig().getEnv()).noneMatch(v -> v.startsWith("HOME="));
    assertThat(engine.inspect(root.containerId()).getConfig().getUser()).isEqualTo("10001:10001");
  }

  @Test
  void listShowsOnlyThisAgentsContainersIncludingExitedOnes() throws Exception {
    DockerDynoRuntime other = engine.runtime(engine.newAgentName());
    Dyno mine = runtime.start(web("demo", 1, "v1"));
    Dyno crashed = runtime.start(spec("demo", "worker.1", 1, "exit 3"));
    Dyno theirs = other.start(web("demo", 1, "v1"));

    TestDocker.await("worker.1 exited", () -> !engine.running(crashed.containerId()));

    assertThat(runtime.list()).containsExactlyInAnyOrder(mine,
        new Dyno(crashed.containerId(), "demo", "worker.1", 1, "127.0.0.1", 0, false));
    assertThat(other.list()).containsExactly(theirs);
  }

  @Test
  void stopRemovesTheContainerAndIgnoresUnknownAndForeignOnes() {
    DockerDynoRuntime other = engine.runtime(engine.newAgentName());
    Dyno dyno = runtime.start(web("demo", 1, "v1"));

    other.stop(dyno.containerId());
    assertThat(engine.running(dyno.containerId())).as("another agent's container is left alone").isTrue();

    runtime.stop(dyno.containerId());
    assertThat(engine.exists(dyno.containerId())).isFalse();
    assertThat(runtime.list()).isEmpty();

    runtime.stop(dyno.containerId());
  }

  @Test
  void logTailHasTheLastLinesOfStdoutAndStderr() throws Exception {
    Dyno stdout = runtime.start(spec("demo", "worker.1", 1, "echo one; echo two; echo three; exec sleep 600"));
    Dyno stderr = runtime.start(spec("demo", "worker.2", 1, "echo oops >&2; exec sleep 600"));

    TestDocker.await("both dynos logged", () -> runtime.logTail(stdout.containerId(), 5).contains("three")
        && runtime.logTail(stderr.containerId(), 5).contains("oops"));

    // Docker orders stdout and stderr lines only per stream, so the tail is checked on one stream.
    assertThat(runtime.logTail(stdout.containerId(), 2)).isEqualTo("two\nthree\n");
    assertThat(runtime.logTail(stderr.containerId(), 2)).isEqualTo("oops\n");
  }

  @Test
  void runOnceStreamsItsOutputReturnsTheExitStatusAndLeavesNoContainer() {
    List<String> output = new CopyOnWriteArrayList<>();

    int status = runtime.runOnce(spec("demo", "release.1", 1, "echo $DYNO $GREETING ${PORT:-no-port}; echo two >&2; exit 3"),
        output::add);

    assertThat(status).isEqualTo(3);
    // Docker orders lines only per stream.
    assertThat(output).containsExactlyInAnyOrder("release.1 hello no-port", "two");
    assertThat(engine.containersOf(agentName)).isEmpty();
  }

  @Test
  void runOnceThatOutlastsItsTimeLimitIsKilledAndIsNeverListedAsADyno() {
    DockerDynoRuntime impatient = new DockerDynoRuntime(engine.docker, agentName, TestDocker.STOP_GRACE,
        Duration.ofSeconds(2));
    List<String> output = new CopyOnWriteArrayList<>();
    List<Dyno> listedWhileRunning = new CopyOnWriteArrayList<>();
    List<Container> containersWhileRunning = new CopyOnWriteArrayList<>();

    int status = impatient.runOnce(spec("demo", "release.1", 1, "echo started; exec sleep 600"), line -> {
      output.add(line);
      if (line.equals("started")) {
        listedWhileRunning.addAll(impatient.list());
        containersWhileRunning.addAll(engine.containersOf(agentName));
      }
    });

    assertThat(status).isEqualTo(DockerDynoRuntime.TIMED_OUT);
    assertThat(output).containsExactly("started", "release.1 timed out after 2 s and was killed");
    assertThat(listedWhileRunning).isEmpty();
    assertThat(containersWhileRunning).singleElement()
        .satisfies(c -> assertThat(c.getLabels()).containsEntry("paas.oneoff", "true"));
    assertThat(engine.containersOf(agentName)).isEmpty();
  }

  @Test
  void followLogsShipsEachLineWithItsStreamAndTimeAndEndsWithTheContainer() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    Dyno dyno = runtime.start(spec("demo", "worker.1", 1,
        "echo out; echo err >&2; printf '%020000d\\n' 0; echo after; exec sleep 600"));
    List<LogLine> lines = new CopyOnWriteArrayList<>();
    AtomicBoolean ended = new AtomicBoolean();

    runtime.followLogs(dyno, Instant.EPOCH, lines::add, () -> ended.set(true));
    TestDocker.await("four lines", () -> lines.size() == 4);

    assertThat(lines).allSatisfy(line -> {
      assertThat(line.app()).isEqualTo("demo");
      assertThat(line.dyno()).isEqualTo("worker.1");
      assertThat(line.time()).isBetween(before, Instant.now());
    });
    assertThat(lines).filteredOn(line -> line.stream().equals(LogLine.STDOUT)).extracting(LogLine::text)
        .containsExactly("out", "0".repeat(10 * 1024), "after");
    assertThat(lines).filteredOn(line -> line.stream().equals(LogLine.STDERR)).extracting(LogLine::text)
        .containsExactly("err");
    assertThat(ended).isFalse();

    runtime.stop(dyno.containerId());
    TestDocker.await("the follower ended", ended::get);
  }

  @Test
  void aCpuLimitAppliesToDynosAndOneOffs() {
    Dyno limited = runtime.start(withCpus(web("demo", 1, "v1"), 0.5));
    Dyno unlimited = runtime.start(spec("demo", "worker.1", 1, "exec sleep 600"));
    List<String> output = new CopyOnWriteArrayList<>();

    int status = runtime.runOnce(withCpus(spec("demo", "release.1", 1,
        "cat /sys/fs/cgroup/cpu.max 2>/dev/null || cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us"), 0.5), output::add);

    assertThat(engine.inspect(limited.containerId()).getHostConfig().getNanoCPUs()).isEqualTo(500_000_000L);
    assertThat(engine.inspect(unlimited.containerId()).getHostConfig().getNanoCPUs()).isIn(null, 0L);
    assertThat(status).isZero();
    assertThat(output).singleElement().satisfies(quota -> assertThat(quota).startsWith("50000"));
  }

  private static DynoSpec withImage(DynoSpec spec, String image) {
    return new DynoSpec(spec.app(), spec.name(), spec.release(), image, spec.command(), spec.env(),
        spec.memoryBytes(), spec.cpus(), spec.healthCheckPath());
  }

  private static DynoSpec withCpus(DynoSpec spec, double cpus) {
    return new DynoSpec(spec.app(), spec.name(), spec.release(), spec.image(), spec.command(), spec.env(),
        spec.memoryBytes(), cpus, spec.healthCheckPath());
  }
}
