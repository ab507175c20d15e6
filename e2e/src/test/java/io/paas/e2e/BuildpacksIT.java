package io.paas.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.paas.e2e.Platform.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes with no Dockerfile: the platform detects a Maven, an npm and a static project, builds each over its own
 * stack images, and the router serves it. A second Maven push that changes one source file reuses the dependency
 * layer.
 */
class BuildpacksIT {
  @TempDir
  static Path work;
  static Platform platform;
  static final List<String> APPS = new ArrayList<>();

  @BeforeAll
  static void startPlatform() throws Exception {
    platform = new Platform(work);
    platform.start();
    platform.login();
  }

  @AfterAll
  static void stopPlatform() throws Exception {
    if (platform != null) {
      platform.closeWithApps(APPS);
    }
  }

  @Test
  void aStaticSiteIsServedAsItIs() throws Exception {
    WorkTree repo = app("static");
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("-----> Static site detected").contains("Released v1");
    assertThat(platform.get(appOf(repo)).body()).contains(Files.readString(repo.dir.resolve("index.html")).trim());
  }

  @Test
  void anNpmAppIsInstalledAndStartedWithItsStartScript() throws Exception {
    WorkTree repo = app("node");
    Result push = repo.push();
    assertThat(push.exit()).as(push.all()).isZero();
    assertThat(push.err()).contains("-----> Node.js app detected").contains("npm ci").contains("Released v1");
    var response = platform.get(appOf(repo));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).containsIgnoringCase("node");
  }

  @Test
  void aMavenAppIsBuiltAndASourceOnlyChangeReusesItsDependencies() throws Exception {
    WorkTree repo = app("maven");
    long started = System.nanoTime();
    Result first = repo.push();
    long firstMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(first.exit()).as(first.all()).isZero();
    assertThat(first.err()).contains("-----> Maven app detected").contains("Released v1");
    assertThat(platform.get(appOf(repo)).body()).contains("Hello from Maven");

    Path source = repo.dir.resolve("src/main/java/demo/Hello.java");
    Files.writeString(source, Files.readString(source).replace("Hello from Maven", "Hello again from Maven"));
    started = System.nanoTime();
    Result second = repo.commit("change one source file").push();
    long secondMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(second.exit()).as(second.all()).isZero();
    assertThat(second.err()).contains("Using cache").doesNotContain("Downloading from").doesNotContain("Downloaded from");
    assertThat(platform.get(appOf(repo)).body()).contains("Hello again from Maven");
    System.out.printf("Maven app: first push %d ms, second push (one source file changed) %d ms%n", firstMillis,
        secondMillis);
    assertThat(secondMillis).isLessThan(firstMillis);
  }

  @Test
  void aProjectThePlatformCannotBuildIsRejectedWithWhatItSupports() throws Exception {
    WorkTree repo = app("unsupported");
    Result push = repo.push();
    assertThat(push.exit()).isNotZero();
    assertThat(push.err()).contains("remote rejected").contains("Dockerfile").contains("pom.xml")
        .contains("package.json").contains("index.html");
    assertThat(platform.get(appOf(repo)).statusCode()).isEqualTo(503);
  }

  private static WorkTree app(String kind) throws Exception {
    String name = kind.substring(0, Math.min(5, kind.length())) + "-" + UUID.randomUUID().toString().substring(0, 8);
    WorkTree repo = new WorkTree(platform, work.resolve(name)).copyApp(kind).commit("first");
    Result create = repo.paas("apps:create", name);
    assertThat(create.exit()).as(create.all()).isZero();
    APPS.add(name);
    return repo;
  }

  private static String appOf(WorkTree repo) {
    return repo.dir.getFileName().toString();
  }
}
