package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import io.vertx.core.json.JsonArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failure drills around the builder and the Docker engine, each while an app serves: a push too large to take, a
 * build that eats disk, and dockerd itself restarting. Each must fail cleanly or recover, and the app keeps (or is
 * brought back to) serving its last good release. The limits are small so the drills prove the code paths without
 * writing gigabytes.
 */
@TestMethodOrder(OrderAnnotation.class)
class EngineDrillsIT {
  private static final int MAX_PUSH_MB = 20;
  private static final int BUILD_DISK_MB = 200;
  private static final String SERVED = "served by web.";

  @TempDir
  static Path work;
  static Platform platform;
  static WorkTree repo;
  static final String APP = "drill-" + UUID.randomUUID().toString().substring(0, 8);

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(work, "--max-push-size", String.valueOf(MAX_PUSH_MB),
        "--build-disk-limit", String.valueOf(BUILD_DISK_MB));
    platform.start();
    platform.login();
    repo = new WorkTree(platform, work.resolve("app")).copyApp("scale").commit("v1");
    repo.createAndPush(APP);
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(List.of(APP));
    }
  }

  @Test
  @Order(1)
  void aPushOverTheLimitIsRefusedWithItsReasonAndNothingIsStored() throws Exception {
    String before = storedObjects();
    int builds = builds().size();
    byte[] noise = new byte[(MAX_PUSH_MB + 10) << 20];
    new Random(9).nextBytes(noise); // incompressible: the pack is as large as the file
    Files.write(repo.dir.resolve("big.bin"), noise);
    repo.commit("too big");

    Result push = repo.push();

    assertThat(push.exit()).isNotZero();
    assertThat(push.err())
        .contains("remote: This push is larger than the " + MAX_PUSH_MB + " MB a push may be.")
        .contains("[remote rejected] main -> main (push too large)");
    assertThat(storedObjects()).as("objects in the app's repository").isEqualTo(before);
    assertThat(builds()).as("builds").hasSize(builds);
    assertThat(platform.get(APP).body()).startsWith(SERVED);
    assertThat(platform.api("GET", "/health", null, null).statusCode()).isEqualTo(200);
    repo.undoLastCommit();
  }

  /**
   * A gigabyte streamed at the git endpoint (a valid start, then zeros, chunked as git sends a large pack): the server
   * answers with the refusal once the limit is passed, while the body is still coming, and its memory does not grow
   * with what was sent.
   */
  @Test
  @Order(2)
  void aGigabyteStreamIsCutOffAtTheLimitWithoutTheServerHoldingIt() throws Exception {
    long pid = platform.serverProcess().pid();
    long rssBefore = rssKb(pid);
    AtomicLong peak = new AtomicLong(rssBefore);
    RawPush sent;
    try (Sampler sampler = new Sampler(() -> peak.accumulateAndGet(rssKb(pid), Math::max))) {
      sent = RawPush.stream(platform.apiPort, APP, platform.token(), 1L << 30);
    }
    System.out.printf("drill: 1 GiB push stream: refused after %d MB sent, answer %d bytes; "
            + "server RSS %d MB before, %d MB peak%n", sent.bytesSent() >> 20, sent.response().length(),
        rssBefore >> 10, peak.get() >> 10);

    assertThat(sent.response()).startsWith("HTTP/1.1 200").contains("This push is larger than the " + MAX_PUSH_MB
        + " MB a push may be.").contains("ng refs/heads/main push too large");
    assertThat(sent.bytesSent()).as("bytes sent before the answer came").isLessThan(1L << 30);
    assertThat((peak.get() - rssBefore) >> 10).as("server RSS growth in MB").isLessThan(100);
    assertThat(platform.get(APP).body()).startsWith(SERVED);
  }

  /**
   * A step that would write 3 GB (far less than this disk has free, should the limit fail) meets the 200 MB limit: the
   * build is stopped mid-step, its container and the disk it took are given back, and v1 keeps serving.
   */
  @Test
  @Order(3)
  void aBuildThatEatsDiskIsStoppedAtItsLimitAndGivesTheDiskBack() throws Exception {
    String marker = "/fill-" + APP;
    String dockerfile = Files.readString(repo.dir.resolve("Dockerfile"));
    // Every image this build makes carries the label, so any it left behind can be found.
    String label = "paas.drill=" + APP;
    repo.write("Dockerfile", dockerfile.replaceFirst("\n", "\nLABEL " + label + "\n")
            + "RUN dd if=/dev/zero of=" + marker + " bs=1M count=3000\n")
        .commit("eats disk");
    int releases = releases().size();
    FileStore dockerDisk = Files.getFileStore(Path.of(platform.docker("info", "-f", "{{.DockerRootDir}}").out()
        .trim()));
    long freeBefore = dockerDisk.getUsableSpace();
    AtomicLong leastFree = new AtomicLong(freeBefore);
    long started = System.nanoTime();
    Result push;
    try (Sampler sampler = new Sampler(() -> leastFree.accumulateAndGet(dockerDisk.getUsableSpace(), Math::min))) {
      push = repo.push();
    }
    long refusedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(push.exit()).isNotZero();
    assertThat(push.err())
        .contains("The build wrote more than " + BUILD_DISK_MB + " MB to disk, the most a build may use.")
        .contains("[remote rejected] main -> main")
        .doesNotContain("records out"); // dd never finished: the step was stopped
    Eventually.await("the stopped step's container removed", () -> platform.docker("ps", "-a", "--no-trunc",
        "--format", "{{.Command}}").out(), containers -> !containers.contains(marker));
    assertThat(platform.docker("images", "-a", "-q", "--filter", "label=" + label).out())
        .as("images the stopped build made").isBlank();
    Eventually.await("the disk given back", () -> String.valueOf(dockerDisk.getUsableSpace()),
        free -> Long.parseLong(free) > freeBefore - (BUILD_DISK_MB << 20));
    System.out.printf("drill: disk-eating build refused after %d ms; the Docker disk's free space fell by at most "
            + "%d MB during the build and is back within %d MB%n", refusedMillis,
        (freeBefore - leastFree.get()) >> 20, Math.max(0, freeBefore - dockerDisk.getUsableSpace()) >> 20);
    assertThat(freeBefore - leastFree.get()).as("disk the build took at most").isLessThan(3000L << 20);
    assertThat(releases()).as("releases").hasSize(releases);
    assertThat(platform.get(APP).body()).startsWith(SERVED);
    assertThat(platform.api("GET", "/health", null, null).statusCode()).isEqualTo(200);
    repo.undoLastCommit();
  }

  /** Takes a reading every 50 ms on a thread of its own until closed. */
  private static final class Sampler implements AutoCloseable {
    interface Reading {
      void take() throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Sampler(Reading reading) {
      thread = new Thread(() -> {
        try {
          while (running.get()) {
            reading.take();
            Thread.sleep(50);
          }
        } catch (Exception e) {
          throw new IllegalStateException("sampling failed", e);
        }
      }, "drill-sampler");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }

  /**
   * dockerd stopped (SIGTERM; with live-restore off its containers die) and started again as scripts/setup starts it:
   * the agent notices, its Docker client reconnects, and both web dynos come back and serve; the app's network and
   * the platform's firewall (which dockerd's own rules do not touch) are still in place. dockerd is left running
   * whatever happens: every other test shares it.
   */
  @Test
  @Order(4)
  void restartingDockerdBringsTheDynosBack() throws Exception {
    Result scale = repo.paas("ps:scale", "web=2");
    assertThat(scale.exit()).as(scale.all()).isZero();
    awaitBothWebDynosServe();
    String network = platform.docker("network", "inspect", "-f", "{{.Id}} {{.IPAM.Config}}", "paas-app-" + APP)
        .out();
    String firewall = firewallRules();
    assertThat(firewall).as("the platform's firewall").contains("-j REJECT");
    try {
      long stopping = System.nanoTime();
      DockerEngine.stop();
      long stopped = System.nanoTime();
      assertThat(platform.get(APP).statusCode()).as("the app while the engine is down").isNotEqualTo(200);
      DockerEngine.start();
      long answering = System.nanoTime();
      awaitBothWebDynosServe();
      long serving = System.nanoTime();
      System.out.printf("drill: dockerd stopped in %d ms, answered %d ms after its start, both web dynos served "
              + "%d ms after that%n", (stopped - stopping) / 1_000_000, (answering - stopped) / 1_000_000,
          (serving - answering) / 1_000_000);
    } finally {
      DockerEngine.ensureRunning();
    }
    assertThat(platform.docker("network", "inspect", "-f", "{{.Id}} {{.IPAM.Config}}", "paas-app-" + APP).out())
        .as("the app's network").isEqualTo(network);
    assertThat(firewallRules()).as("the platform's firewall").isEqualTo(firewall);
    assertThat(platform.api("GET", "/health", null, null).statusCode()).isEqualTo(200);
    // A change after the restart starts new containers through the same client: a config change is a new release.
    String next = "v" + (releases().size() + 1);
    Result config = repo.paas("config:set", "AFTER_RESTART=1");
    assertThat(config.exit()).as(config.all()).isZero();
    Eventually.await("both web dynos up on " + next, () -> repo.paas("ps").out(),
        ps -> ps.lines().filter(line -> line.matches("web\\.[12]: up.* " + next)).count() == 2);
    awaitBothWebDynosServe();
  }

  /** The platform's host firewall: its chain (named after the data dir, as paas-server names it) and INPUT's jump. */
  private static String firewallRules() throws Exception {
    String chain = "PAAS-FW-" + Integer.toHexString(platform.dataDir.hashCode());
    String input = platform.command(List.of("iptables", "-S", "INPUT")).out().lines()
        .filter(rule -> rule.contains(chain)).reduce("", (a, b) -> a + b + "\n");
    return input + platform.command(List.of("iptables", "-S", chain)).out();
  }

  private static void awaitBothWebDynosServe() throws Exception {
    Eventually.await("web.1 and web.2 up and serving", () -> {
      String ps = repo.paas("ps").out();
      Set<String> served = new HashSet<>();
      for (int i = 0; i < 10; i++) {
        try {
          served.add(platform.get(APP).body().trim());
        } catch (IOException down) {
          served.add("error: " + down);
        }
      }
      return ps + served;
    }, seen -> seen.contains("web.1: up") && seen.contains("web.2: up") && seen.contains("served by web.1")
        && seen.contains("served by web.2"));
  }

  private static JsonArray releases() throws Exception {
    return new JsonArray(platform.api("GET", "/apps/" + APP + "/releases", platform.token(), null).body());
  }

  private static String storedObjects() throws Exception {
    Path bare = platform.dataDir.resolve("repos").resolve(APP + ".git");
    Result count = platform.git(bare, "count-objects", "-v");
    assertThat(count.exit()).as(count.all()).isZero();
    return count.out();
  }

  private static JsonArray builds() throws Exception {
    return new JsonArray(platform.api("GET", "/apps/" + APP + "/builds", platform.token(), null).body());
  }

  private static long rssKb(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  /**
   * A receive-pack request written by hand on a socket, so its body can be larger than any file here; it stops sending
   * once the whole answer has come.
   */
  record RawPush(long bytesSent, String response) {
    static RawPush stream(int port, String app, String token, long bodyBytes) throws Exception {
      try (Socket socket = new Socket("127.0.0.1", port)) {
        socket.setSoTimeout(60_000);
        CompletableFuture<String> response = CompletableFuture.supplyAsync(() -> readAll(socket));
        OutputStream out = socket.getOutputStream();
        String auth = Base64.getEncoder().encodeToString(("git:" + token).getBytes(StandardCharsets.UTF_8));
        out.write(("POST /git/" + app + ".git/git-receive-pack HTTP/1.1\r\nHost: 127.0.0.1:" + port
            + "\r\nAuthorization: Basic " + auth
            + "\r\nContent-Type: application/x-git-receive-pack-request\r\nTransfer-Encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        String zero = "0".repeat(40);
        String command = zero + " " + "1".repeat(40) + " refs/heads/main\0report-status side-band-64k\n";
        byte[] start = (String.format("%04x", command.length() + 4) + command + "0000PACK")
            .getBytes(StandardCharsets.ISO_8859_1);
        long sent = chunk(out, start);
        byte[] zeros = new byte[1 << 20];
        try {
          while (sent < bodyBytes && !response.isDone()) {
            sent += chunk(out, zeros);
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException closed) {
          // the server stopped reading and closed: the point of the drill
        }
        return new RawPush(sent, response.get(60, TimeUnit.SECONDS));
      }
    }

    private static long chunk(OutputStream out, byte[] data) throws IOException {
      out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(data);
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      return data.length;
    }

    /** The response, up to the flush-pkt that ends a receive-pack result (or until the server closes). */
    private static String readAll(Socket socket) {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        for (int n; !all.toString(StandardCharsets.ISO_8859_1).endsWith("0000") && (n = in.read(buffer)) > 0; ) {
          all.write(buffer, 0, n);
        }
      } catch (IOException e) {
        // a reset after the answer: what was read is the answer
      }
      return all.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
