package io.paas.controller.addons.redis;

import io.paas.common.process.FreePort;
import io.paas.controller.addons.AddonInstance;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.addons.AddonProvider;
import io.paas.controller.addons.AppSubnets;
import io.paas.controller.firewall.HostFirewall;
import io.paas.controller.firewall.PortRule;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redis addons, one redis-server per addon on this host, each in its own dir under the base dir, with its own port
 * and password. Apps reach theirs on {@code addonHost}, the address containers see the host at; the firewall keeps
 * each port to its app's own network.
 */
public final class RedisProvider implements AddonProvider, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RedisProvider.class);
  /** A server loading a large data set answers LOADING until it is done. */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final long READY_POLL_MS = 100;
  private static final Pattern ADDON_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  private final Vertx vertx;
  private final Path baseDir;
  private final String addonHost;
  private final AppSubnets subnets;
  private final HostFirewall firewall;
  private final RedisCalls calls;
  /**
   * By addon name, the ports of the servers started: each is opened to its app before its server starts and closed
   * after it stopped.
   */
  private final Map<String, Integer> ports = new ConcurrentHashMap<>();
  private final Map<String, RedisServer> servers = new ConcurrentHashMap<>();

  /**
   * Addons' dirs go under {@code baseDir}; {@code addonHost} is the address apps connect to (the docker0 gateway,
   * 172.17.0.1). Each addon's port is opened in {@code firewall} to its app alone; whoever owns the firewall closes it.
   */
  public RedisProvider(Vertx vertx, Path baseDir, String addonHost, AppSubnets subnets, HostFirewall firewall) {
    this.vertx = vertx;
    this.baseDir = baseDir;
    this.addonHost = addonHost;
    this.subnets = subnets;
    this.firewall = firewall;
    this.calls = new RedisCalls(vertx);
  }

  @Override
  public String service() {
    return "redis";
  }

  @Override
  public String defaultAttachment() {
    return "REDIS";
  }

  @Override
  public List<AddonPlan> plans() {
    return Arrays.stream(RedisPlan.values()).map(RedisPlan::addonPlan).toList();
  }

  @Override
  public Future<Map<String, String>> provision(AddonInstance addon) {
    return subnets.subnet(addon.app())
        .compose(subnet -> blocking(() -> {
          Path dir = dirOf(addon);
          // Refused before anything is made, so that the clean-up of a failure cannot touch an addon's data.
          if (Files.exists(dir)) {
            throw new IllegalStateException("Redis addon " + addon.name() + " exists already, in " + dir);
          }
          return subnet;
        }))
        .compose(subnet -> create(addon, subnet)
            .recover(failure -> destroy(addon).transform(cleaned -> Future.failedFuture(failure))));
  }

  @Override
  public Future<Void> resume(AddonInstance addon, Map<String, String> credentials) {
    if (servers.containsKey(addon.name())) {
      return Future.succeededFuture();
    }
    return subnets.subnet(addon.app())
        .compose(subnet -> start(addon, subnet, RedisCredentials.from(credentials))
            .recover(failure -> stop(addon).transform(stopped -> Future.failedFuture(failure))));
  }

  @Override
  public Future<Void> deprovision(AddonInstance addon, Map<String, String> credentials) {
    return destroy(addon);
  }

  @Override
  public Map<String, String> configVars(String as, Map<String, String> credentials) {
    return Map.of(as + "_URL", credentials.get("url"));
  }

  @Override
  public Future<Map<String, String>> info(AddonInstance addon, Map<String, String> credentials) {
    RedisServer server = servers.get(addon.name());
    String process = server == null ? "stopped" : server.state().name().toLowerCase(Locale.ROOT);
    return Future.succeededFuture(addon.plan()).map(RedisPlan::named).compose(plan -> {
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("plan", plan.planName());
      facts.put("maxmemory", plan.maxMemoryMb() + " MB");
      facts.put("persistence", plan.persistence());
      facts.put("process", process);
      if (!"running".equals(process)) {
        return Future.succeededFuture(facts);
      }
      return calls.info(RedisCredentials.from(credentials), "memory")
          .map(memory -> {
            facts.put("used_memory", memory.get("used_memory_human"));
            return facts;
          })
          .otherwise(facts);
    });
  }

  /** Stops every redis-server, saving what each plan keeps. Blocks. */
  @Override
  public void close() {
    List<CompletableFuture<Void>> stops = servers.values().stream().map(RedisServer::stop).toList();
    servers.clear();
    CompletableFuture.allOf(stops.toArray(CompletableFuture[]::new)).join();
    ports.clear();
  }

  private Future<Map<String, String>> create(AddonInstance addon, String subnet) {
    return blocking(() -> {
      RedisCredentials credentials = RedisCredentials.withNewPassword(addonHost, freePort());
      RedisServer.create(new RedisConfig(credentials.port(), credentials.password(), addonHost,
          RedisPlan.named(addon.plan()), dirOf(addon)));
      return credentials;
    }).compose(credentials -> start(addon, subnet, credentials).map(started -> {
      LOG.info("Redis addon {} of app {} provisioned on port {}", addon.name(), addon.app(), credentials.port());
      return credentials.toMap();
    }));
  }

  /** Firewalls the port, starts the server and waits until it answers. */
  private Future<Void> start(AddonInstance addon, String subnet, RedisCredentials credentials) {
    return blocking(() -> {
      ports.put(addon.name(), credentials.port());
      firewall.allowOnly(new PortRule(addon.name(), credentials.port(), subnet));
      RedisServer server = RedisServer.start(addon.name(), dirOf(addon));
      servers.put(addon.name(), server);
      return server;
    }).compose(server -> awaitReady(addon, server, credentials, System.nanoTime() + READY_TIMEOUT.toNanos()));
  }

  private Future<Void> awaitReady(AddonInstance addon, RedisServer server, RedisCredentials credentials,
      long deadline) {
    return calls.ping(credentials).recover(notYet -> {
      if (server.restarted()) {
        return Future.failedFuture("The redis-server of " + addon.name() + " exited before it answered: "
            + String.join(" | ", server.lastLines()));
      }
      if (System.nanoTime() > deadline) {
        return Future.failedFuture("The redis-server of " + addon.name() + " did not answer within "
            + READY_TIMEOUT.toSeconds() + " s: " + notYet.getMessage());
      }
      return vertx.timer(READY_POLL_MS, TimeUnit.MILLISECONDS)
          .compose(waited -> awaitReady(addon, server, credentials, deadline));
    });
  }

  /** Stops the server, if it runs, then drops its firewall rule; succeeds when there was nothing to stop. */
  private Future<Void> stop(AddonInstance addon) {
    RedisServer server = servers.remove(addon.name());
    Future<Void> gone = server == null ? Future.succeededFuture() : Future.fromCompletionStage(server.stop());
    return gone.compose(stopped -> blocking(() -> {
      ports.remove(addon.name());
      firewall.revoke(addon.name());
      return null;
    }));
  }

  private Future<Void> destroy(AddonInstance addon) {
    return stop(addon).compose(stopped -> blocking(() -> {
      deleteTree(dirOf(addon));
      return null;
    }));
  }

  /** A port free now that no other addon's server, down while being restarted, will want back. */
  private int freePort() {
    Set<Integer> taken = Set.copyOf(ports.values());
    int port = FreePort.pick();
    while (taken.contains(port)) {
      port = FreePort.pick();
    }
    return port;
  }

  /** The addon's own dir; its name is checked as it becomes a path. */
  private Path dirOf(AddonInstance addon) {
    if (!ADDON_NAME.matcher(addon.name()).matches()) {
      throw new IllegalArgumentException("Not an addon name: '" + addon.name() + "'");
    }
    return baseDir.resolve(addon.name());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private <T> Future<T> blocking(Callable<T> task) {
    return vertx.executeBlocking(task, false);
  }
}
