package io.paas.builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.github.dockerjava.api.DockerClient;
import io.paas.builder.image.ImageBuilder;
import io.paas.builder.plan.Stacks;
import io.paas.common.DockerClients;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes the example apps (src/test/resources/apps) and runs what they build, as the agent would. The first run on a
 * machine makes the stack images, which later runs reuse.
 */
class BuildPlanPushTest {
  private static final long LIMIT = 50L << 20;
  private static DockerClient docker;

  @TempDir
  Path tmp;
  private PushFixture fixture;
  private int port;

  @BeforeAll
  static void connect() {
    docker = DockerClients.connect();
  }

  @BeforeEach
  void start() {
    fixture = new PushFixture(tmp, docker, Stacks.defaults());
    port = fixture.serve(LIMIT);
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void staticSiteIsServedByTheStaticStack() throws Exception {
    String app = fixture.newApp();
    WorkTree work = exampleApp("static");

    WorkTree.Result push = push(work, app);

    assertThat(push.exitCode()).as(push.output()).isZero();
    assertThat(push.output())
        .contains("remote: -----> Static site detected")
        .containsPattern("remote:        Step 1/\\d+ : FROM paas/stack-static:bookworm")
        .contains("remote: -----> Discovering process types")
        .contains("remote:        Procfile declares types -> (none)")
        .contains("remote:        Default types for Static site -> web")
        .containsPattern("remote: -----> Image size: \\d+\\.\\d MB \\(built in \\d+\\.\\d s\\)");
    BuildResult build = released(app);
    assertThat(build.processTypes()).containsExactly(entry("web", "httpd -f -p $PORT -h /app"));
    assertThat(build.releaseCommand()).isNull();
    try (RunningImage site = new RunningImage(docker, build.image(), build.processTypes().get("web"))) {
      assertThat(site.get("/").body()).contains("Hello from a static site");
      assertThat(site.get("/.paas.Dockerfile").statusCode()).as("the generated Dockerfile").isEqualTo(404);
    }
  }

  @Test
  void nodeAppInstallsWithNpmCiAndStartsWithNpmStart() throws Exception {
    String app = fixture.newApp();
    WorkTree work = exampleApp("node");

    WorkTree.Result push = push(work, app);

    assertThat(push.exitCode()).as(push.output()).isZero();
    assertThat(push.output())
        .contains("remote: -----> Node.js app detected")
        .containsPattern("remote:        Step \\d+/\\d+ : COPY \\[\"package.json\", \"package-lock.json\", \"./\"]")
        .containsPattern("remote:        Step \\d+/\\d+ : RUN npm ci --omit=dev")
        .contains("remote:        Default types for Node.js -> web");
    BuildResult build = released(app);
    assertThat(build.processTypes()).containsExactly(entry("web", "npm start"));
    try (RunningImage server = new RunningImage(docker, build.image(), build.processTypes().get("web"))) {
      assertThat(server.get("/").body()).isEqualTo("Hello from Node.js\n");
    }
  }

  @Test
  void mavenAppReusesItsResolvedDependenciesWhenOnlySourcesChange() throws Exception {
    String app = fixture.newApp();
    WorkTree work = exampleApp("maven");

    long started = System.nanoTime();
    WorkTree.Result first = push(work, app);
    long firstMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(first.exitCode()).as(first.output()).isZero();
    assertThat(first.output())
        .contains("remote: -----> Maven app detected")
        .contains("remote:        web runs target/hello-1.0.jar")
        .contains("remote:        Default types for Maven -> web");
    BuildResult build = released(app);
    assertThat(build.processTypes()).containsExactly(entry("web", "java $JAVA_OPTS -jar app.jar"));
    try (RunningImage server = new RunningImage(docker, build.image(), build.processTypes().get("web"))) {
      assertThat(server.get("/").body()).isEqualTo("Hello from Maven\n");
    }

    String source = "src/main/java/demo/Hello.java";
    work.write(source, Files.readString(example("maven").resolve(source))
        .replace("Hello from Maven", "Hello again from Maven"));
    work.commit("change only a source file");
    started = System.nanoTime();
    WorkTree.Result second = push(work, app);
    long secondMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(second.exitCode()).as(second.output()).isZero();
    assertThat(second.output())
        .containsPattern(Pattern.compile("RUN mvn -B -ntp [^\\n]*:go-offline\\s*\\n[^\\n]*---> Using cache"))
        .doesNotContain("Downloading from")
        .doesNotContain("Downloaded from");
    BuildResult rebuilt = fixture.controller.released.get(1).build();
    try (RunningImage server = new RunningImage(docker, rebuilt.image(), rebuilt.processTypes().get("web"))) {
      assertThat(server.get("/").body()).isEqualTo("Hello again from Maven\n");
    }
    System.out.printf("Maven app: first push %d ms, second push (sources only) %d ms%n", firstMillis, secondMillis);

    fixture.images.removeImages(app);
    assertThat(docker.listImagesCmd().withShowAll(true).withLabelFilter(Map.of(ImageBuilder.APP_LABEL, app))
        .exec()).as("every image and stage left of the app").isEmpty();
  }

  @Test
  void procfileTypesAndReleaseCommandReachTheRelease() throws Exception {
    String app = fixture.newApp();
    WorkTree work = exampleApp("procfile");

    WorkTree.Result push = push(work, app);

    assertThat(push.exitCode()).as(push.output()).isZero();
    assertThat(push.output()).contains("remote:        Procfile declares types -> web, worker, release")
        .doesNotContain("Default types");
    BuildResult build = released(app);
    assertThat(build.processTypes()).containsExactly(
        entry("web", "httpd -f -p $PORT -h /app"),
        entry("worker", "while true; do sleep 60; done"));
    assertThat(build.releaseCommand()).isEqualTo("echo migrating");
  }

  @Test
  void unsupportedProjectIsRejectedWithWhatIsSupported() throws Exception {
    String app = fixture.newApp();
    WorkTree work = exampleApp("unsupported");

    WorkTree.Result push = push(work, app);

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output())
        .contains("remote: -----> Build failed: No supported app found at the root of the repository. Supported, "
            + "first match wins: a Dockerfile; Maven (pom.xml); Node.js (package.json); a static site (index.html "
            + "or public/).")
        .contains("! [remote rejected] main -> main (build failed)");
    assertThat(fixture.branch(app, "main")).isNull();
    assertThat(fixture.controller.finished).singleElement()
        .extracting(FakeController.Finished::status).isEqualTo("failed");
  }

  @Test
  void badProcfileIsRejectedWithItsLine() throws Exception {
    String app = fixture.newApp();
    WorkTree work = exampleApp("bad-procfile");

    WorkTree.Result push = push(work, app);

    assertThat(push.exitCode()).isNotZero();
    assertThat(push.output())
        .contains("remote: -----> Build failed: Procfile line 2: expected 'name: command', got 'worker sleep 60'")
        .contains("! [remote rejected] main -> main (build failed)");
    assertThat(fixture.controller.released).isEmpty();
  }

  @Test
  void aConfiguredStackImageThatIsMissingFailsTheBuildWithWhatToDo() throws Exception {
    Stacks stacks = Stacks.defaults().with(Stacks.STATIC, "registry.invalid:5000/static:none");
    try (PushFixture configured = new PushFixture(tmp.resolve("configured"), docker, stacks)) {
      String app = configured.newApp();
      WorkTree work = exampleApp("static");

      WorkTree.Result push = work.git("push", PushFixture.url(configured.serve(LIMIT), "x:good", app), "main");

      assertThat(push.exitCode()).isNotZero();
      assertThat(push.output()).contains("remote: -----> Build failed: The static stack image "
          + "registry.invalid:5000/static:none is not on the Docker engine; pull it there (docker pull "
          + "registry.invalid:5000/static:none) or configure the static stack to an image that is.");
    }
  }

  private BuildResult released(String app) {
    return fixture.controller.released.stream().filter(r -> r.app().equals(app)).findFirst().orElseThrow().build();
  }

  private WorkTree.Result push(WorkTree work, String app) throws Exception {
    return work.git("push", PushFixture.url(port, "x:good", app), "main");
  }

  /** A work tree holding one commit of the example app {@code apps/<kind>}. */
  private WorkTree exampleApp(String kind) throws Exception {
    WorkTree work = new WorkTree(tmp.resolve(kind + "-" + System.nanoTime())).copyOf(example(kind));
    work.commit("the " + kind + " example");
    return work;
  }

  private static Path example(String kind) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(BuildPlanPushTest.class.getResource("/apps/" + kind)).toURI());
  }
}
