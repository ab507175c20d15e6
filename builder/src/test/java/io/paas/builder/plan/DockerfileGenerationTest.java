package io.paas.builder.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Dockerfiles the plans write: dependency manifests before sources, stacks by name, the web command as CMD. */
class DockerfileGenerationTest {
  private static final Stacks STACKS = Stacks.defaults();

  @Test
  void mavenResolvesDependenciesFromThePomsThenPackagesAndRunsTheJarOnTheRuntime() throws Exception {
    String dockerfile = dockerfile(new FakeTree().with("pom.xml", "<project/>")
        .with("src/main/java/demo/Hello.java", "class Hello {}"));

    assertThat(dockerfile).isEqualTo("""
        FROM paas/stack-java:17 AS build
        WORKDIR /app
        COPY ["pom.xml", "./"]
        RUN mvn -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline
        COPY [".", "./"]
        RUN mvn -B -DskipTests package \\
         && jar=$(find target -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' \
        ! -name '*-tests.jar' ! -name 'original-*' | sort) \\
         && if [ -z "$jar" ] || [ "$(echo "$jar" | wc -l)" -ne 1 ]; then \
        echo "Expected one jar to run in target/, found: $(echo ${jar:-none})." >&2; \
        echo 'Declare the web process in a Procfile, e.g. web: java -jar target/NAME.jar' >&2; exit 1; fi \\
         && ln -s "$jar" app.jar \\
         && echo "web runs $jar"
        FROM paas/stack-java-runtime:17
        WORKDIR /app
        COPY --from=build ["/app", "/app"]
        ENV PORT="5000" JAVA_OPTS="-XX:MaxRAMPercentage=75.0"
        CMD ["/bin/sh", "-c", "java $JAVA_OPTS -jar app.jar"]
        """);
  }

  @Test
  void mavenCopiesEveryModulePomAndMavenConfigButNotFixturesUnderSrc() throws Exception {
    String dockerfile = dockerfile(new FakeTree().with("pom.xml", "<project/>")
        .with(".mvn/maven.config", "-T2")
        .with("core/pom.xml", "<project/>")
        .with("web app/pom.xml", "<project/>")
        .with("core/src/test/resources/fixture/pom.xml", "<project/>")
        .with("Procfile", "web: java -jar web/target/web.jar\n"));

    assertThat(dockerfile)
        .contains("""
            WORKDIR /app
            COPY [".mvn", ".mvn/"]
            COPY ["pom.xml", "./"]
            COPY ["core/pom.xml", "core/"]
            COPY ["web app/pom.xml", "web app/"]
            RUN mvn -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline
            COPY [".", "./"]
            RUN mvn -B -DskipTests package
            FROM paas/stack-java-runtime:17
            """)
        .doesNotContain("fixture")
        .doesNotContain("app.jar")
        .endsWith("CMD [\"/bin/sh\", \"-c\", \"java -jar web/target/web.jar\"]\n");
  }

  @Test
  void npmWithALockfileInstallsWithCiBeforeTheSources() throws Exception {
    String dockerfile = dockerfile(new FakeTree()
        .with("package.json", "{\"scripts\": {\"start\": \"node server.js\"}}")
        .with("package-lock.json", "{}")
        .with("server.js", ""));

    assertThat(dockerfile).isEqualTo("""
        FROM paas/stack-node:bookworm
        WORKDIR /app
        ENV NPM_CONFIG_UPDATE_NOTIFIER="false" NPM_CONFIG_FUND="false" NPM_CONFIG_AUDIT="false"
        COPY ["package.json", "package-lock.json", "./"]
        RUN npm ci --omit=dev
        COPY [".", "./"]
        ENV NODE_ENV="production" PORT="5000"
        CMD ["/bin/sh", "-c", "npm start"]
        """);
  }

  @Test
  void npmWithoutALockfileInstallsAndABuildScriptRunsWithDevDependenciesThenPrunes() throws Exception {
    String dockerfile = dockerfile(new FakeTree()
        .with("package.json", "{\"scripts\": {\"start\": \"node dist/a.js\", \"build\": \"tsc\"}}")
        .with(".npmrc", "registry=https://registry.npmjs.org/\n"));

    assertThat(dockerfile).contains("""
        COPY ["package.json", ".npmrc", "./"]
        RUN npm install
        COPY [".", "./"]
        RUN npm run build \\
         && npm prune --omit=dev
        ENV NODE_ENV="production" PORT="5000"
        """);
  }

  @Test
  void aStaticSiteIsServedByBusyboxHttpd() throws Exception {
    String dockerfile = dockerfile(new FakeTree().with("public/index.html", ""));

    assertThat(dockerfile).isEqualTo("""
        FROM paas/stack-static:bookworm
        WORKDIR /app
        COPY [".", "./"]
        ENV PORT="5000"
        CMD ["/bin/sh", "-c", "httpd -f -p $PORT -h /app/public"]
        """);
  }

  @Test
  void configuredStackImagesAreUsed() throws Exception {
    BuildPlan plan = Planner.plan(new FakeTree().with("index.html", ""),
        STACKS.with(Stacks.STATIC, "registry:5000/static:1"));

    assertThat(plan.dockerfile().toString()).startsWith("FROM registry:5000/static:1\n");
  }

  @Test
  void procfileCommandsAreQuotedSoTheyCannotAddInstructions() throws Exception {
    String dockerfile = dockerfile(new FakeTree().with("index.html", "")
        .with("Procfile", "web: echo \"hi\" \\\n"));

    assertThat(dockerfile).endsWith("CMD [\"/bin/sh\", \"-c\", \"echo \\\"hi\\\" \\\\\"]\n");
  }

  @Test
  void everyStageCarriesTheLabelsItIsRenderedWith() throws Exception {
    BuildPlan plan = Planner.plan(new FakeTree().with("pom.xml", "<project/>"), STACKS);

    assertThat(plan.dockerfile().render(Map.of("paas.app", "demo")))
        .contains("FROM paas/stack-java:17 AS build\nLABEL paas.app=\"demo\"\nWORKDIR /app\n")
        .contains("FROM paas/stack-java-runtime:17\nLABEL paas.app=\"demo\"\nWORKDIR /app\n");
  }

  private static String dockerfile(FakeTree tree) throws PlanException {
    return Planner.plan(tree, STACKS).dockerfile().toString();
  }
}
