package io.paas.agent.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.NotModifiedException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerConfig;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.paas.agent.Dyno;
import io.paas.agent.DynoMemory;
import io.paas.agent.DynoRuntime;
import io.paas.agent.DynoSpec;
import io.paas.agent.LogSink;
import io.paas.common.network.AppNetworks;
import io.paas.common.network.SubnetRange;
import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Dynos as containers of the local Docker engine. Every container it makes carries {@code paas.agent=<agentName>},
 * and it lists, stops and reads only containers with that label, so several agents (or other tools) can share an
 * engine without touching each other's containers. Output is read from the engine's logs, with timestamps. Every
 * container, one-offs included, runs in the {@link DynoSandbox} as the user {@link DynoUser} picks.
 */
public final class DockerDynoRuntime implements DynoRuntime {
  /** The port a dyno listens on inside its container ($PORT), as on Heroku. */
  public static final int CONTAINER_PORT = 5000;
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(10);
  /** How long a one-off dyno (a release command, say) may run before it is killed. */
  public static final Duration DEFAULT_RUN_TIMEOUT = Duration.ofMinutes(30);
  /** The status {@link #runOnce} returns for a run it killed at its time limit, as timeout(1) does. */
  public static final int TIMED_OUT = 124;
  /** Published ports are bound to loopback only: the router on this host is the only way in. */
  private static final String HOST = "127.0.0.1";
  private static final ExposedPort WEB = ExposedPort.tcp(CONTAINER_PORT);
  private static final long LOG_TIMEOUT_SECONDS = 10;

  private final DockerClient docker;
  private final ContainerMemory memory;
  private final ImagePuller images;
  private final AppNetworks networks;
  private final String agentName;
  private final Duration stopGrace;
  private final Duration runTimeout;

  public DockerDynoRuntime(DockerClient docker, String agentName) {
    this(docker, agentName, DEFAULT_STOP_GRACE);
  }

  public DockerDynoRuntime(DockerClient docker, String agentName, Duration stopGrace) {
    this(docker, agentName, stopGrace, DEFAULT_RUN_TIMEOUT);
  }

  public DockerDynoRuntime(DockerClient docker, String agentName, Duration stopGrace, Duration runTimeout) {
    this(docker, agentName, stopGrace, runTimeout, SubnetRange.parse(SubnetRange.DEFAULT));
  }

  /** Dyno containers join their app's own network, made from {@code subnets} when missing. */
  public DockerDynoRuntime(DockerClient docker, String agentName, Duration stopGrace, Duration runTimeout,
                           SubnetRange subnets) {
    this.docker = docker;
    this.memory = new ContainerMemory(docker);
    this.networks = new AppNetworks(docker, subnets, Map.of(DynoLabels.AGENT, agentName));
    this.images = new ImagePuller(docker);
    this.agentName = agentName;
    this.stopGrace = stopGrace;
    this.runTimeout = runTimeout;
  }

  @Override
  public List<Dyno> list() {
    return docker.listContainersCmd()
        .withShowAll(true)
        .withLabelFilter(Map.of(DynoLabels.AGENT, agentName))
        .exec().stream()
        .flatMap(c -> toDyno(c).stream())
        .toList();
  }

  @Override
  public Dyno start(DynoSpec spec) {
    String id = create(spec);
    try {
      docker.startContainerCmd(id).exec();
      InspectContainerResponse started = docker.inspectContainerCmd(id).exec();
      return new Dyno(id, spec.app(), spec.name(), spec.release(), HOST, publishedPort(started),
          Boolean.TRUE.equals(started.getState().getRunning()));
    } catch (RuntimeException e) {
      try {
        remove(id);
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  @Override
  public void stop(String containerId) {
    if (!owned(containerId)) {
      return;
    }
    try {
      docker.stopContainerCmd(containerId).withTimeout((int) stopGrace.toSeconds()).exec();
    } catch (NotModifiedException alreadyStopped) {
      // Exited dynos are removed all the same.
    } catch (NotFoundException gone) {
      return;
    }
    remove(containerId);
  }

  @Override
  public String logTail(String containerId, int lines) {
    if (!owned(containerId)) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    try {
      docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(lines)
          .exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
              out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
          })
          .awaitCompletion(LOG_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (NotFoundException gone) {
      return "";
    }
    return out.toString();
  }

  @Override
  public int runOnce(DynoSpec spec, Consumer<String> output) {
    if (spec.command() == null) {
      throw new IllegalArgumentException(spec.name() + " needs a command to run");
    }
    String id = sandboxed(spec, Map.of("DYNO", spec.name()))
        .withLabels(DynoLabels.oneOff(agentName, spec))
        .exec().getId();
    try {
      docker.startContainerCmd(id).exec();
      LogFollow follow = follow(id, 0,
          new FrameLines(spec.app(), spec.name(), line -> output.accept(line.text())), () -> { });
      if (!follow.awaitEnd(runTimeout)) {
        kill(id);
        follow.awaitEnd(Duration.ofSeconds(LOG_TIMEOUT_SECONDS));
        follow.close();
        output.accept("%s timed out after %d s and was killed".formatted(spec.name(), runTimeout.toSeconds()));
        return TIMED_OUT;
      }
      return docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
          .awaitStatusCode(LOG_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(spec.name() + " was interrupted", e);
    } finally {
      remove(id);
    }
  }

  @Override
  public Closeable followLogs(Dyno dyno, Instant after, LogSink sink, Runnable ended) {
    if (!owned(dyno.containerId())) {
      ended.run();
      return () -> { };
    }
    FrameLines lines = new FrameLines(dyno.app(), dyno.name(), line -> {
      if (line.time().isAfter(after)) {
        sink.line(line);
      }
    });
    // The engine takes whole seconds here; the lines earlier in that second are dropped above.
    return follow(dyno.containerId(), after.getEpochSecond(), lines, ended);
  }

  @Override
  public Map<String, DynoMemory> memory(Collection<String> containerIds) {
    return memory.read(containerIds);
  }

  @Override
  public OptionalInt exitStatus(String containerId) {
    return inspectOwned(containerId)
        .map(InspectContainerResponse::getState)
        .filter(state -> !Boolean.TRUE.equals(state.getRunning()) && state.getExitCodeLong() != null)
        .map(state -> OptionalInt.of(state.getExitCodeLong().intValue()))
        .orElse(OptionalInt.empty());
  }

  /** Follows stdout and stderr from {@code sinceSeconds} (0: from the start) until the container stops. */
  private LogFollow follow(String containerId, long sinceSeconds, FrameLines lines, Runnable ended) {
    return docker.logContainerCmd(containerId)
        .withFollowStream(true).withStdOut(true).withStdErr(true).withTimestamps(true)
        .withSince((int) sinceSeconds)
        .exec(new LogFollow(lines, ended));
  }

  private String create(DynoSpec spec) {
    CreateContainerCmd create = sandboxed(spec, Map.of("PORT", Integer.toString(CONTAINER_PORT), "DYNO", spec.name()))
        .withLabels(DynoLabels.of(agentName, spec))
        .withExposedPorts(WEB);
    create.getHostConfig().withPortBindings(new PortBinding(Ports.Binding.bindIp(HOST), WEB));
    return create.exec().getId();
  }

  /**
   * A container of the spec's image on its app's network, in the dyno sandbox, as the user {@link DynoUser} picks,
   * running the spec's command (else the image's) with {@code platform} variables set.
   */
  private CreateContainerCmd sandboxed(DynoSpec spec, Map<String, String> platform) {
    images.ensure(spec.image());
    DynoUser user = DynoUser.of(imageUser(spec.image()));
    CreateContainerCmd create = docker.createContainerCmd(spec.image())
        .withName(containerName(spec))
        .withUser(user.user())
        .withEnv(env(user.env(), spec, platform))
        .withHostConfig(DynoSandbox.hostConfig(spec, networks.ensure(spec.app()).name()));
    if (spec.command() != null) {
      create.withCmd("sh", "-c", spec.command());
    }
    return create;
  }

  private String imageUser(String image) {
    ContainerConfig config = docker.inspectImageCmd(image).exec().getConfig();
    return config == null ? null : config.getUser();
  }

  private static String containerName(DynoSpec spec) {
    String suffix = String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    return "paas-%s-%s-v%d-%s".formatted(spec.app(), spec.name(), spec.release(), suffix);
  }

  /**
   * Config vars win over the user's defaults (HOME), and the platform's variables (PORT, DYNO) over config vars of the
   * same name, as on Heroku.
   */
  private static List<String> env(Map<String, String> defaults, DynoSpec spec, Map<String, String> platform) {
    Map<String, String> env = new LinkedHashMap<>(defaults);
    env.putAll(spec.env());
    env.putAll(platform);
    return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }

  /** 0 when the container is no longer running: a stopped container has no published port. */
  private static int publishedPort(InspectContainerResponse container) {
    Ports.Binding[] bindings = container.getNetworkSettings().getPorts().getBindings().get(WEB);
    if (bindings == null) {
      return 0;
    }
    return Arrays.stream(bindings)
        .filter(b -> HOST.equals(b.getHostIp()))
        .mapToInt(b -> Integer.parseInt(b.getHostPortSpec()))
        .findFirst().orElse(0);
  }

  private static Optional<Dyno> toDyno(Container container) {
    ContainerPort[] ports = container.getPorts() == null ? new ContainerPort[0] : container.getPorts();
    int port = Arrays.stream(ports)
        .filter(p -> p.getPrivatePort() != null && p.getPrivatePort() == CONTAINER_PORT && p.getPublicPort() != null)
        .mapToInt(ContainerPort::getPublicPort)
        .findFirst().orElse(0);
    return DynoLabels.toDyno(container.getId(), container.getLabels(), HOST, port,
        "running".equals(container.getState()));
  }

  /** Whether the container exists and carries this agent's label; nothing else is ours to touch. */
  private boolean owned(String containerId) {
    return inspectOwned(containerId).isPresent();
  }

  private Optional<InspectContainerResponse> inspectOwned(String containerId) {
    try {
      InspectContainerResponse container = docker.inspectContainerCmd(containerId).exec();
      Map<String, String> labels = container.getConfig().getLabels();
      return labels != null && agentName.equals(labels.get(DynoLabels.AGENT)) ? Optional.of(container)
          : Optional.empty();
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }

  private void kill(String containerId) {
    try {
      docker.killContainerCmd(containerId).exec();
    } catch (ConflictException | NotFoundException exitedMeanwhile) {
      // Not running any more: nothing left to kill.
    }
  }

  private void remove(String containerId) {
    try {
      docker.removeContainerCmd(containerId).withForce(true).withRemoveVolumes(true).exec();
    } catch (NotFoundException gone) {
      // Already removed: the goal is reached.
    }
  }
}
