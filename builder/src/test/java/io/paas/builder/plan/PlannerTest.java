package io.paas.builder.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import org.junit.jupiter.api.Test;

/** Detection (first match wins), the process types each plan gives, and what is turned away. */
class PlannerTest {
  private static final Stacks STACKS = Stacks.defaults();
  private static final String PACKAGE_JSON = "{\"name\": \"a\", \"scripts\": {\"start\": \"node index.js\"}}";

  @Test
  void detectsADockerfileProject() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("Dockerfile", "FROM paas/busybox:latest\n"));

    assertThat(plan.detected()).isEqualTo("Dockerfile detected");
    assertThat(plan.dockerfile()).isNull();
    assertThat(plan.processTypes()).isEmpty();
    assertThat(plan.stacks()).isEmpty();
  }

  @Test
  void detectsAMavenProject() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("pom.xml", "<project/>"));

    assertThat(plan.detected()).isEqualTo("Maven app detected");
    assertThat(plan.processTypes()).containsExactly(entry("web", "java $JAVA_OPTS -jar app.jar"));
    assertThat(plan.stacks()).containsExactly("java-17", "java-17-runtime");
  }

  @Test
  void detectsANodeProject() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("package.json", PACKAGE_JSON));

    assertThat(plan.detected()).isEqualTo("Node.js app detected");
    assertThat(plan.processTypes()).containsExactly(entry("web", "npm start"));
    assertThat(plan.stacks()).containsExactly("node");
  }

  @Test
  void detectsAStaticSiteByItsIndexOrItsPublicDirectory() throws Exception {
    BuildPlan index = plan(new FakeTree().with("index.html", "<h1>hi</h1>"));
    BuildPlan publicDir = plan(new FakeTree().with("public/css/site.css", "h1 {}"));

    assertThat(index.detected()).isEqualTo("Static site detected");
    assertThat(index.processTypes()).containsExactly(entry("web", "httpd -f -p $PORT -h /app"));
    assertThat(publicDir.processTypes()).containsExactly(entry("web", "httpd -f -p $PORT -h /app/public"));
    assertThat(index.stacks()).containsExactly("static");
  }

  @Test
  void theFirstMatchWins() throws Exception {
    FakeTree tree = new FakeTree().with("index.html", "").with("package.json", PACKAGE_JSON)
        .with("pom.xml", "<project/>").with("Dockerfile", "FROM x\n");

    assertThat(plan(tree).name()).isEqualTo("Dockerfile");
    assertThat(plan(tree.with("Dockerfile", null)).name()).isEqualTo("Maven");
    assertThat(plan(tree.with("pom.xml", null)).name()).isEqualTo("Node.js");
    assertThat(plan(tree.with("package.json", null)).name()).isEqualTo("Static site");
  }

  @Test
  void anUnsupportedProjectIsRejectedWithWhatIsSupported() {
    assertThatThrownBy(() -> plan(new FakeTree().with("README.md", "hello").with("src/index.html", "")))
        .isInstanceOf(PlanException.class)
        .hasMessage("No supported app found at the root of the repository. Supported, first match wins: "
            + "a Dockerfile; Maven (pom.xml); Node.js (package.json); a static site (index.html or public/).");
  }

  @Test
  void procfileTypesComeFirstAndTheDefaultWebIsKeptWhenNotDeclared() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("package.json", PACKAGE_JSON)
        .with("Procfile", "worker: node worker.js\nrelease: node migrate.js\n"));

    assertThat(plan.processTypes()).containsExactly(entry("worker", "node worker.js"), entry("web", "npm start"));
    assertThat(plan.releaseCommand()).isEqualTo("node migrate.js");
  }

  @Test
  void theProcfileOverridesTheDefaultWeb() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("index.html", "").with("Procfile", "web: httpd -f -p $PORT\n"));

    assertThat(plan.processTypes()).containsExactly(entry("web", "httpd -f -p $PORT"));
  }

  @Test
  void aDockerfileProjectTakesItsTypesFromTheProcfileOnly() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("Dockerfile", "FROM x\n").with("Procfile", "worker: ./work\n"));

    assertThat(plan.processTypes()).containsExactly(entry("worker", "./work"));
  }

  @Test
  void aBadProcfileRejectsThePush() {
    assertThatThrownBy(() -> plan(new FakeTree().with("index.html", "").with("Procfile", "web ./serve\n")))
        .isInstanceOf(ProcfileException.class)
        .hasMessage("Procfile line 1: expected 'name: command', got 'web ./serve'");
  }

  @Test
  void javaVersionComesFromSystemProperties() throws Exception {
    Stacks withJava21 = STACKS.with("java-21", "registry/jdk:21").with("java-21-runtime", "registry/jre:21");
    FakeTree tree = new FakeTree().with("pom.xml", "<project/>")
        .with("system.properties", "# Heroku's file\njava.runtime.version=21\n");

    assertThat(Planner.plan(tree, withJava21).stacks()).containsExactly("java-21", "java-21-runtime");
    assertThat(plan(tree.with("system.properties", "java.runtime.version = 17.0.2")).stacks())
        .containsExactly("java-17", "java-17-runtime");
  }

  @Test
  void aJavaVersionWithoutAStackIsRejected() {
    FakeTree tree = new FakeTree().with("pom.xml", "<project/>")
        .with("system.properties", "java.runtime.version=21\n");

    assertThatThrownBy(() -> plan(tree))
        .isInstanceOf(PlanException.class)
        .hasMessage("Java 21 is not available on this platform; supported: 17");
    assertThatThrownBy(() -> plan(tree.with("system.properties", "java.runtime.version=1.8")))
        .hasMessage("Java 8 is not available on this platform; supported: 17");
    assertThatThrownBy(() -> plan(tree.with("system.properties", "java.runtime.version=latest")))
        .hasMessage("system.properties: java.runtime.version=latest names no Java version");
  }

  @Test
  void aMavenProjectWithAProcfileWebHasNoDefault() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("pom.xml", "<project/>")
        .with("Procfile", "web: java -cp target/classes demo.Main\n"));

    assertThat(plan.defaultTypes()).isEmpty();
    assertThat(plan.processTypes()).containsExactly(entry("web", "java -cp target/classes demo.Main"));
  }

  @Test
  void aNodeProjectNeedsAStartScriptServerJsOrAProcfileWeb() throws Exception {
    FakeTree noStart = new FakeTree().with("package.json", "{\"name\": \"a\", \"scripts\": {\"test\": \"x\"}}");

    assertThatThrownBy(() -> plan(noStart))
        .isInstanceOf(PlanException.class)
        .hasMessage("package.json has no start script: add \"scripts\": {\"start\": \"node server.js\"} to it, "
            + "or a Procfile with a web process (web: node server.js).");
    assertThat(plan(noStart.with("server.js", "")).processTypes()).containsExactly(entry("web", "npm start"));
    assertThat(plan(noStart.with("server.js", null).with("Procfile", "web: node app.js\n")).processTypes())
        .containsExactly(entry("web", "node app.js"));
  }

  @Test
  void aPackageJsonThatIsNotJsonIsRejected() {
    assertThatThrownBy(() -> plan(new FakeTree().with("package.json", "{ name: ")))
        .isInstanceOf(PlanException.class)
        .hasMessageStartingWith("package.json is not a valid JSON object");
  }

  @Test
  void aDockerfileStartingFromAStackNeedsThatStack() throws Exception {
    BuildPlan plan = plan(new FakeTree().with("Dockerfile", """
        FROM --platform=linux/amd64 paas/stack-java:17 AS build
        RUN echo building
        from paas/stack-java-runtime:17
        FROM paas/busybox:latest
        """));

    assertThat(plan.stacks()).containsExactly("java-17", "java-17-runtime");
  }

  private static BuildPlan plan(FakeTree tree) throws PlanException {
    return Planner.plan(tree, STACKS);
  }
}
