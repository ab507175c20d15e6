package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real paas-server started through bin/paas-server on free ports and a temp data dir, and the user's side of it:
 * bin/paas and git run as processes with their own HOME, so nothing touches the real user's files.
 */
final class Platform implements AutoCloseable {
  static final String ADMIN_EMAIL = "admin@example.com";
  static final String ADMIN_PASSWORD = "e2e-admin-password";
  static final Path HOME = Path.of(System.getProperty("paas.home", "..")).toAbsolutePath().normalize();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Random RANDOM = new Random();

  final Path dataDir;
  final Path userHome;
  final int apiPort;
  final int routerPort;
  /**
   * A /20 of its own in 10.216.0.0/14 for each platform, for its app networks and so for its host firewall: platforms
   * of other test runs sharing this engine (and a chain a killed run left) never take each other's apps for their own.
   */
  private final String appSubnets = "10." + (216 + RANDOM.nextInt(4)) + "." + 16 * RANDOM.nextInt(16) + ".0/20";
  private final Path logDir;
  private Process server;
  private int starts;
  private final Map<String, Process> agents = new java.util.concurrent.ConcurrentHashMap<>();

  private final List<String> serverArgs;

  Platform(Path workDir, String... serverArgs) throws IOException {
    this.serverArgs = List.of(serverArgs);
    dataDir = Files.createDirectories(workDir.resolve("data"));
    userHome = Files.createDirectories(workDir.resolve("home"));
    logDir = Files.createDirectories(HOME.resolve("e2e/target/e2e-logs"));
    apiPort = freePort();
    routerPort = freePort();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + apiPort;
  }

  /** Starts bin/paas-server and waits for its ready line. */
  void start() throws Exception {
    Path log = logDir.resolve("server-" + apiPort + "-" + (++starts) + ".log");
    // The API's URL is the one the CLI and git use here, whatever address a test has the server bind to.
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/paas-server").toString(),
        "--data-dir", dataDir.toString(), "--api-port", String.valueOf(apiPort), "--api-url", apiUrl(),
        "--router-port", String.valueOf(routerPort), "--domain", "localhost", "--app-subnets", appSubnets));
    command.addAll(serverArgs);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PAAS_ADMIN_EMAIL", ADMIN_EMAIL);
    builder.environment().put("PAAS_ADMIN_PASSWORD", ADMIN_PASSWORD);
    server = builder.start();
    awaitReady(server, log);
  }

  /** Copies the process's output to {@code log} and waits for its line saying it is ready. */
  private static void awaitReady(Process process, Path log) throws Exception {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread pump = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
           PrintWriter file = new PrintWriter(Files.newBufferedWriter(log), true)) {
        for (String line; (line = out.readLine()) != null; ) {
          file.println(line);
          if (line.contains("ready")) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        ready.completeExceptionally(e);
      }
      ready.completeExceptionally(new IllegalStateException("exited before ready; see " + log));
    }, "paas-output-" + log.getFileName());
    pump.setDaemon(true);
    pump.start();
    ready.get(180, TimeUnit.SECONDS);
  }

  /** Starts {@code paas-server agent} as its own process, dialing this platform's API; it runs until killed. */
  void startAgent(String name, String... extra) throws IOException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/paas-server").toString(), "agent",
        "--controller", apiUrl(), "--token", Files.readString(dataDir.resolve("agent-token")).trim(),
        "--name", name));
    command.addAll(List.of(extra));
    Path log = logDir.resolve("agent-" + name + "-" + System.nanoTime() + ".log");
    agents.put(name, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start());
  }

  /**
   * Starts {@code paas-server router} as its own process on {@code port}, following this platform's routing table and
   * keeping it in {@code dataDir}; waits for its ready line. The caller destroys it.
   */
  Process startRouter(int port, Path dataDir) throws Exception {
    List<String> command = List.of(HOME.resolve("bin/paas-server").toString(), "router", "--controller", apiUrl(),
        "--token", Files.readString(this.dataDir.resolve("agent-token")).trim(), "--port", String.valueOf(port),
        "--data-dir", dataDir.toString());
    Process router = new ProcessBuilder(command).redirectErrorStream(true).start();
    awaitReady(router, logDir.resolve("router-" + port + ".log"));
    return router;
  }

  /** Kills the agent as a crashed host would die: no shutdown of any kind. */
  void killAgent(String name) throws InterruptedException {
    Process agent = agents.remove(name);
    if (agent != null) {
      agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** The ids of the containers the named agent labeled. */
  List<String> containersOf(String agent) throws Exception {
    return List.of(docker("ps", "-aq", "--filter", "label=paas.agent=" + agent).out().split("\\s+")).stream()
        .filter(id -> !id.isBlank()).toList();
  }

  /** Stops the server the way an operator would (SIGTERM) and waits for it to exit. */
  void stop() throws InterruptedException {
    if (server != null && server.isAlive()) {
      server.destroy();
      if (!server.waitFor(60, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The running paas-server's process id (bin/paas-server execs the JVM). */
  long serverPid() {
    return server.pid();
  }

  /** Everything paas-server has printed, over all its starts. */
  String serverLog() throws IOException {
    StringBuilder all = new StringBuilder();
    for (int start = 1; start <= starts; start++) {
      all.append(Files.readString(logDir.resolve("server-" + apiPort + "-" + start + ".log")));
    }
    return all.toString();
  }

  /** The API token the CLI keeps after {@link #login()}. */
  String token() throws IOException {
    String credentials = Files.readString(userHome.resolve(".config/paas/credentials.json"));
    return new JsonObject(credentials).getString("token");
  }

  /** Logs the CLI (and so git) in as the admin. */
  void login() throws Exception {
    Result login = paas(userHome, ADMIN_PASSWORD + "\n", "login", "--api-url", apiUrl(), "--email", ADMIN_EMAIL,
        "--password-stdin");
    assertThat(login.exit()).as(login.all()).isZero();
  }

  Result paas(Path dir, String stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/paas").toString()));
    command.addAll(List.of(args));
    return run(dir, stdin, command);
  }

  Result git(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    return run(dir, null, command);
  }

  /** GET through the router, as a browser asking for APP.localhost would. */
  HttpResponse<String> get(String app) throws Exception {
    return get(app + ".localhost", "/");
  }

  /** GET of {@code path} through the router for the given host name (an app's or a custom domain). */
  HttpResponse<String> get(String host, String path) throws Exception {
    return get(routerPort, host, path);
  }

  /** GET through whichever router listens on {@code port}. */
  HttpResponse<String> get(int port, String host, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Host", host + ":" + port)
        .timeout(Duration.ofSeconds(10))
        .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> api(String method, String path, String token, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apiUrl() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The name of the in-process agent, which labels every container this platform started. */
  String agentName() throws IOException {
    return Files.readString(dataDir.resolve("agent-name")).trim();
  }

  @Override
  public void close() throws Exception {
    List<String> names = new ArrayList<>(agents.keySet());
    for (String name : names) {
      killAgent(name);
    }
    stop();
    names.add(agentName());
    // A safety net for a failed test: nothing this platform started may outlive the run.
    for (String name : names) {
      for (String id : containersOf(name)) {
        docker("rm", "-f", id);
      }
    }
  }

  /**
   * Ends a test class: destroys its apps as their user would, stops the platform, and removes the images a failed
   * destroy would leave behind.
   */
  void closeWithApps(List<String> apps) throws Exception {
    for (String app : apps) {
      paas(userHome, null, "apps:destroy", app, "--confirm", app);
    }
    close();
    for (String app : apps) {
      removeImages(app);
    }
  }

  private void removeImages(String app) throws Exception {
    for (String id : docker("images", "-q", "paas/" + app).out().split("\\s+")) {
      if (!id.isBlank()) {
        docker("rmi", "-f", id);
      }
    }
  }

  Result docker(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("docker"));
    command.addAll(List.of(args));
    return command(command);
  }

  /** Any other program (curl, say), run as the user. */
  Result command(List<String> command) throws Exception {
    return run(userHome, null, command);
  }

  /** Starts bin/paas in the background (paas logs --tail); the caller reads its output and destroys it. */
  Process paasInBackground(Path dir, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(HOME.resolve("bin/paas").toString()));
    command.addAll(List.of(args));
    return user(new ProcessBuilder(command).directory(dir.toFile())).redirectErrorStream(true).start();
  }

  /** The user's environment: their own HOME (credentials, git config), no terminal to prompt on. */
  private ProcessBuilder user(ProcessBuilder builder) {
    Map<String, String> env = builder.environment();
    env.put("HOME", userHome.toString());
    env.put("GIT_TERMINAL_PROMPT", "0");
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.remove("PAAS_API_URL");
    env.remove("PAAS_API_TOKEN");
    return builder;
  }

  private Result run(Path dir, String stdin, List<String> command) throws Exception {
    ProcessBuilder builder = user(new ProcessBuilder(command).directory(dir.toFile()));
    Path out = Files.createTempFile(userHome, "out", ".txt");
    Path err = Files.createTempFile(userHome, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    try (var in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command).isTrue();
    Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return result;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  record Result(int exit, String out, String err) {
    String all() {
      return out + err;
    }
  }
}
