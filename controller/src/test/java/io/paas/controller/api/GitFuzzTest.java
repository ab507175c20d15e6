package io.paas.controller.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.controller.api.RawHttp.Answer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The apps' git remotes against broken and hostile pushes: bad pkt-lines, truncated, garbage and mis-checksummed
 * packfiles, the wrong content type, no credentials, another tenant's token. Each is refused with a 4xx or a git
 * error the client shows; the repository is byte for byte what it was (no ref moved, no object or temp file left),
 * no build starts, no push body stays in the temp dir, and the server answers on. {@code -Dfuzz.seed=N} replays.
 */
class GitFuzzTest extends ApiTestBase {
  private static final long SEED = Long.getLong("fuzz.seed", System.nanoTime());
  private static final int RANDOM_BODIES = 20;
  private static final String ZERO_ID = "0".repeat(40);
  private static final String REQUEST_TYPE = "application/x-git-receive-pack-request";

  private static String owner;
  private static String stranger;
  private static String app;
  /** A real pack of one commit, and the command line that would push it to main. */
  private static byte[] pack;
  private static String command;

  @BeforeAll
  static void makeAnAppAndAPack() throws Exception {
    owner = api.newUser();
    stranger = api.newUser();
    app = api.newApp(owner);
    Path work = Files.createDirectories(dataDir.resolve("fuzz-source"));
    git(work, "init", "-q", "-b", "main");
    Files.writeString(work.resolve("Procfile"), "web: serve\n");
    git(work, "add", "-A");
    git(work, "-c", "user.name=Dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "first");
    String commit = new String(git(work, "rev-parse", "HEAD"), StandardCharsets.US_ASCII).strip();
    pack = gitWithInput(work, commit + "\n", "pack-objects", "--stdout", "--revs");
    command = ZERO_ID + " " + commit + " refs/heads/main\0report-status side-band-64k\n";
    // The remote exists once git has asked for its refs, as before any real push.
    assertThat(refs(basic(owner), "git-receive-pack").status()).isEqualTo(200);
  }

  @Test
  void everyBrokenOrHostilePushIsRefusedAndChangesNothing() throws Exception {
    Map<String, Long> repoBefore = snapshot(dataDir.resolve("repos").resolve(app + ".git"));
    Set<Path> tempBefore = pushBodiesInTemp();
    List<String> findings = new ArrayList<>();
    int cases = 0;
    for (Push push : pushes(new Random(SEED))) {
      cases++;
      Answer answer = RawHttp.send(platform.port, "POST /git/" + push.app() + ".git/git-receive-pack HTTP/1.1\r\n"
          + "Host: 127.0.0.1\r\nContent-Type: " + push.contentType()
          + (push.auth() == null ? "" : "\r\nAuthorization: " + push.auth()), push.body());
      if (!refused(answer, push.expected())) {
        findings.add(push.what() + ": expected " + push.expected() + ", got " + answer.status() + " " + answer.body());
      }
    }
    System.out.println("Git fuzz: " + cases + " pushes, seed " + SEED);
    assertThat(findings).as("pushes not refused (replay with -Dfuzz.seed=" + SEED + ")").isEmpty();
    assertThat(snapshot(dataDir.resolve("repos").resolve(app + ".git"))).as("the repository").isEqualTo(repoBefore);
    assertThat(api.call("GET", "/apps/" + app + "/builds", owner, null).array()).as("builds").isEmpty();
    eventually(() -> pushBodiesInTemp().stream().allMatch(tempBefore::contains));
    assertThat(api.call("GET", "/health", null, null).status()).isEqualTo(200);
    assertThat(refs(basic(owner), "git-receive-pack").status()).isEqualTo(200);
  }

  @Test
  void theRefsOfARemoteAreOnlyForItsPushers() throws Exception {
    assertThat(refs(null, "git-receive-pack").status()).isEqualTo(401);
    assertThat(refs(basic(stranger), "git-receive-pack").status()).isEqualTo(404);
    assertThat(refs("Basic " + Base64.getEncoder().encodeToString("git".getBytes(StandardCharsets.UTF_8)),
        "git-receive-pack").status()).isEqualTo(401);
    assertThat(refs("Basic %%%", "git-receive-pack").status()).isEqualTo(401);
    assertThat(refs(basic(owner), "git-upload-pack").status()).isEqualTo(403);
    assertThat(refs(basic(owner), "git-receive-pack&service=git-upload-pack").status()).isIn(200, 403);
  }

  /** One push: what it is, to which app, with which credentials and type, and the status it must get. */
  record Push(String what, String app, String auth, String contentType, byte[] body, int expected) {
  }

  /** 200 stands for "a git error in the report": git shows it, and the push does not happen. */
  private static List<Push> pushes(Random random) {
    String auth = basic(owner);
    List<Push> pushes = new ArrayList<>(List.of(
        new Push("no credentials", app, null, REQUEST_TYPE, request(pack), 401),
        new Push("a token that is no one's", app, basic("nope"), REQUEST_TYPE, request(pack), 401),
        new Push("another tenant's token", app, basic(stranger), REQUEST_TYPE, request(pack), 404),
        new Push("a NUL in the app's name", "a%00b", auth, REQUEST_TYPE, request(pack), 404),
        new Push("the wrong content type", app, auth, "application/json", request(pack), 415),
        new Push("no content type", app, auth, "", request(pack), 415),
        new Push("an empty body", app, auth, REQUEST_TYPE, new byte[0], 400),
        new Push("pkt-line length not hex", app, auth, REQUEST_TYPE, ascii("zzzz" + command + "0000"), 400),
        new Push("pkt-line longer than the body", app, auth, REQUEST_TYPE, ascii("ffff0000"), 400),
        new Push("pkt-line length below 4", app, auth, REQUEST_TYPE, ascii("0002xx0000"), 400),
        new Push("a command that is not one", app, auth, REQUEST_TYPE, concat(pktLine("push it please\n"),
            ascii("0000"), pack), 400),
        new Push("commands without their flush", app, auth, REQUEST_TYPE, pktLine(command), 400),
        new Push("a truncated packfile", app, auth, REQUEST_TYPE, request(Arrays.copyOf(pack, pack.length / 2)),
            200),
        new Push("no packfile", app, auth, REQUEST_TYPE, request(new byte[0]), 200),
        new Push("a pack with a bad checksum", app, auth, REQUEST_TYPE, request(flipLast(pack)), 200),
        new Push("a pack header and garbage", app, auth, REQUEST_TYPE,
            request(concat(Arrays.copyOf(pack, 12), garbage(random, 500))), 200)));
    for (int i = 0; i < RANDOM_BODIES; i++) {
      boolean asPack = random.nextBoolean();
      byte[] bytes = garbage(random, random.nextInt(8192));
      pushes.add(new Push(asPack ? "random packfile of " + bytes.length + " bytes" : "random " + bytes.length
          + " bytes", app, auth, REQUEST_TYPE, asPack ? request(bytes) : bytes, asPack ? 200 : 400));
    }
    return pushes;
  }

  /**
   * Refused as expected: the status; for a malformed request (400) also a report of a git error or an empty one
   * (JGit read no command, so nothing was asked and nothing happens); for 200 a report of a git error.
   */
  private static boolean refused(Answer answer, int expected) {
    boolean gitRefused = answer.status() == 200 && (gitError(answer) || expected == 400 && answer.body().isEmpty());
    return expected == 200 ? gitRefused : answer.status() == expected || gitRefused;
  }

  private static boolean gitError(Answer answer) {
    return answer.body().contains("unpack ") && !answer.body().contains("unpack ok")
        || answer.body().contains("ng refs/heads/main");
  }

  private static Answer refs(String auth, String service) throws IOException {
    return RawHttp.send(platform.port, "GET /git/" + app + ".git/info/refs?service=" + service + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1" + (auth == null ? "" : "\r\nAuthorization: " + auth), new byte[0]);
  }

  private static String basic(String token) {
    return "Basic " + Base64.getEncoder().encodeToString(("git:" + token).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] request(byte[] packfile) {
    return concat(pktLine(command), ascii("0000"), packfile);
  }

  private static byte[] pktLine(String payload) {
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return concat(ascii(String.format("%04x", bytes.length + 4)), bytes);
  }

  private static byte[] flipLast(byte[] bytes) {
    byte[] flipped = bytes.clone();
    flipped[flipped.length - 1] ^= 0x01;
    return flipped;
  }

  private static byte[] garbage(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  /** Every file under the directory with its size: a moved ref, a new object or a leftover temp file shows. */
  private static Map<String, Long> snapshot(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toMap(p -> dir.relativize(p).toString(), p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }, (a, b) -> a, TreeMap::new));
    }
  }

  private static Set<Path> pushBodiesInTemp() {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(p -> p.getFileName().toString().startsWith("paas-push-")).collect(Collectors.toSet());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] git(Path work, String... args) throws Exception {
    return gitWithInput(work, "", args);
  }

  private static byte[] gitWithInput(Path work, String input, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("GIT_"));
    builder.environment().putAll(Map.of("HOME", work.toString(), "GIT_CONFIG_NOSYSTEM", "1"));
    Process process = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    process.getOutputStream().write(input.getBytes(StandardCharsets.US_ASCII));
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("git " + String.join(" ", args)).isZero();
    return output;
  }
}
