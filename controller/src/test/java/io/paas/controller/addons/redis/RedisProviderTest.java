package io.paas.controller.addons.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paas.common.network.SubnetRange;
import io.paas.controller.addons.AddonInstance;
import io.paas.controller.addons.AddonPlan;
import io.paas.controller.firewall.HostFirewall;
import io.paas.controller.firewall.HostRules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Real redis-servers in a temp dir, reached over loopback as the platform reaches them. */
@ExtendWith(VertxExtension.class)
class RedisProviderTest {
  private static final AtomicInteger ADDONS = new AtomicInteger();
  private static final Duration EVENTUALLY = Duration.ofSeconds(15);

  @TempDir
  Path dataDir;
  private final String chain = "PAAS-TEST-" + UUID.randomUUID().toString().substring(0, 8);
  /** For a range no packet here comes from (TEST-NET-2): only the addons' own rules are at work. */
  private final HostFirewall firewall = new HostFirewall(chain, SubnetRange.parse("198.51.100.0/24"));
  private Vertx vertx;
  private RedisProvider provider;

  @BeforeEach
  void startProvider(Vertx vertx) {
    this.vertx = vertx;
    provider = newProvider();
  }

  @AfterEach
  void stopProvider() {
    provider.close();
    firewall.close();
  }

  @Test
  void offersMiniBasicAndPremiumWithMiniFirst() {
    assertThat(provider.service()).isEqualTo("redis");
    assertThat(provider.defaultAttachment()).isEqualTo("REDIS");
    assertThat(provider.plans()).extracting(AddonPlan::name).containsExactly("mini", "basic", "premium");
    assertThat(provider.plans()).extracting(AddonPlan::description).containsExactly(
        "25 MB of memory, RDB snapshot 60 s after a write, and on a clean stop",
        "100 MB of memory, append-only file, fsynced every second",
        "512 MB of memory, append-only file, fsynced every second");
  }

  @Test
  void aMiniAddonKeepsKeysBehindItsPasswordWithinItsPlansMemory() {
    AddonInstance addon = addon("mini");

    Map<String, String> credentials = await(provider.provision(addon));

    String url = credentials.get("url");
    assertThat(url).matches("redis://:[A-Za-z0-9_-]{32,}@127\\.0\\.0\\.1:" + credentials.get("port"));
    assertThat(provider.configVars("CACHE", credentials)).isEqualTo(Map.of("CACHE_URL", url));
    await(send(url, Request.cmd(Command.SET).arg("greeting").arg("hello")));
    assertThat(await(send(url, Request.cmd(Command.GET).arg("greeting")))).hasToString("hello");
    String wrongPassword = url.replaceFirst(":[^:@]+@", ":wrong-password@");
    assertThatThrownBy(() -> await(send(wrongPassword, Request.cmd(Command.GET).arg("greeting"))))
        .hasMessageContaining("WRONGPASS");
    String memory = await(send(url, Request.cmd(Command.INFO).arg("memory"))).toString();
    assertThat(memory).contains("maxmemory:" + 25 * 1024 * 1024, "maxmemory_policy:noeviction");
  }

  @Test
  void keepsThePasswordInAConfigOnlyThePlatformCanReadAndOffTheCommandLine() throws Exception {
    AddonInstance addon = addon("mini");
    Map<String, String> credentials = await(provider.provision(addon));
    String password = RedisCredentials.from(credentials).password();

    Path config = dataDir.resolve(addon.name()).resolve(RedisConfig.FILE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
    assertThat(Files.readString(config)).contains("requirepass \"" + password + "\"");
    assertThat(serverOf(addon).info().arguments().orElse(new String[0])).noneMatch(arg -> arg.contains(password));
    assertThatThrownBy(() -> await(send(credentials.get("url"), Request.cmd(Command.CONFIG).arg("GET").arg("*"))))
        .hasMessageContaining("unknown command");
  }

  @Test
  void aKilledServerIsStartedAgainWithItsAppendOnlyData() {
    AddonInstance addon = addon("basic");
    String url = await(provider.provision(addon)).get("url");
    await(send(url, Request.cmd(Command.SET).arg("kept").arg("yes")));
    // everysec: the write reaches the file within a second.
    LockSupport.parkNanos(Duration.ofMillis(1500).toNanos());
    ProcessHandle killed = serverOf(addon);

    killed.destroyForcibly();

    assertThat(eventually(() -> await(send(url, Request.cmd(Command.GET).arg("kept"))))).hasToString("yes");
    assertThat(serverOf(addon).pid()).isNotEqualTo(killed.pid());
    assertThat(killed.isAlive()).isFalse();
  }

  @Test
  void aKilledMiniServerComesBackWithWhatItSnapshotted() {
    AddonInstance addon = addon("mini");
    String url = await(provider.provision(addon)).get("url");
    await(send(url, Request.cmd(Command.SET).arg("kept").arg("yes")));
    await(send(url, Request.cmd(Command.SAVE)));

    serverOf(addon).destroyForcibly();

    assertThat(eventually(() -> await(send(url, Request.cmd(Command.GET).arg("kept"))))).hasToString("yes");
  }

  @Test
  void resumesFromItsDirWithTheDataSavedWhenThePlatformStopped() {
    AddonInstance addon = addon("mini");
    Map<String, String> credentials = await(provider.provision(addon));
    await(send(credentials.get("url"), Request.cmd(Command.SET).arg("kept").arg("yes")));
    ProcessHandle before = serverOf(addon);

    provider.close();
    assertThat(before.isAlive()).isFalse();
    provider = newProvider();
    await(provider.resume(addon, credentials));

    assertThat(await(send(credentials.get("url"), Request.cmd(Command.GET).arg("kept")))).hasToString("yes");
  }

  @Test
  void resumeStopsAServerThatAPlatformWhichDiedLeftRunning() throws Exception {
    AddonInstance addon = addon("mini");
    Map<String, String> credentials = await(provider.provision(addon));
    provider.close();
    Path dir = dataDir.resolve(addon.name());
    Process leftover = new ProcessBuilder("/usr/bin/redis-server", RedisConfig.FILE).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      eventually(() -> await(send(credentials.get("url"), Request.cmd(Command.PING))));

      provider = newProvider();
      await(provider.resume(addon, credentials));

      assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
      assertThat(serverOf(addon).pid()).isNotEqualTo(leftover.pid());
      assertThat(await(send(credentials.get("url"), Request.cmd(Command.PING)))).hasToString("PONG");
    } finally {
      leftover.destroyForcibly();
    }
  }

  @Test
  void deprovisionRemovesTheProcessAndTheDirAndSucceedsAgain() {
    AddonInstance addon = addon("premium");
    Map<String, String> credentials = await(provider.provision(addon));
    ProcessHandle server = serverOf(addon);

    await(provider.deprovision(addon, credentials));

    assertThat(server.isAlive()).isFalse();
    assertThat(dataDir.resolve(addon.name())).doesNotExist();
    assertThatThrownBy(() -> await(send(credentials.get("url"), Request.cmd(Command.PING))))
        .hasMessageContaining("Connection refused");
    await(provider.deprovision(addon, credentials));
  }

  @Test
  void infoTellsPlanMemoryPersistenceAndProcessStateButNoSecret() {
    AddonInstance addon = addon("basic");
    Map<String, String> credentials = await(provider.provision(addon));

    Map<String, String> info = await(provider.info(addon, credentials));

    assertThat(info).containsEntry("plan", "basic")
        .containsEntry("maxmemory", "100 MB")
        .containsEntry("persistence", "append-only file, fsynced every second")
        .containsEntry("process", "running")
        .containsKey("used_memory");
    assertThat(info.get("used_memory")).matches("[0-9.]+[BKMG]");
    String password = RedisCredentials.from(credentials).password();
    assertThat(info.values()).noneMatch(value -> value.contains(password));
  }

  @Test
  void aFailedProvisionLeavesNothingBehind() {
    AddonInstance addon = addon("huge");

    assertThatThrownBy(() -> await(provider.provision(addon))).hasMessageContaining("No redis plan named 'huge'");

    assertThat(dataDir.resolve(addon.name())).doesNotExist();
  }

  @Test
  void aServerThatCannotStartFailsTheProvisionWithItsMessageAndLeavesNothingBehind() throws Exception {
    provider.close();
    // TEST-NET-1: no address of this host, so redis-server cannot bind it.
    provider = newProvider("192.0.2.1");
    AddonInstance addon = addon("mini");

    assertThatThrownBy(() -> await(provider.provision(addon)))
        .hasMessageContaining("exited before it answered")
        .hasMessageContaining("192.0.2.1");

    assertThat(dataDir.resolve(addon.name())).doesNotExist();
    assertThat(HostRules.list(chain)).noneMatch(rule -> rule.contains(addon.name()));
  }

  private RedisProvider newProvider() {
    return newProvider("127.0.0.1");
  }

  private RedisProvider newProvider(String addonHost) {
    return new RedisProvider(vertx, dataDir, addonHost, app -> Future.succeededFuture("10.213.0.0/24"), firewall);
  }


  private static AddonInstance addon(String plan) {
    int n = ADDONS.incrementAndGet();
    return new AddonInstance("redis-test-" + n, "app-" + n, "redis", plan);
  }

  /** The running redis-server, as its pid file names it; redis writes it once it serves. */
  private ProcessHandle serverOf(AddonInstance addon) {
    Path pidFile = dataDir.resolve(addon.name()).resolve(RedisConfig.PID_FILE);
    return eventually(() -> ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).orElseThrow());
  }

  /**
   * A command the server refuses (WRONGPASS, or LOADING while a restarted server reads its append-only file) fails
   * with Vert.x's ErrorType, a Throwable but no Exception, which {@link #eventually} would not retry: it fails here as
   * an exception with the server's message.
   */
  private Future<Response> send(String url, Request request) {
    Redis client = Redis.createClient(vertx, url);
    return client.send(request).eventually(client::close).recover(failure -> Future.failedFuture(
        failure instanceof Exception ? failure : new IllegalStateException(failure.getMessage(), failure)));
  }

  private interface Attempt<T> {
    T get() throws Exception;
  }

  /** The attempt's result once it stops throwing, or its last failure after {@link #EVENTUALLY}. */
  private static <T> T eventually(Attempt<T> attempt) {
    long deadline = System.nanoTime() + EVENTUALLY.toNanos();
    while (true) {
      try {
        return attempt.get();
      } catch (Exception | AssertionError notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("Still failing after " + EVENTUALLY.toSeconds() + " s", notYet);
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.await(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("Timed out", e);
    }
  }
}
