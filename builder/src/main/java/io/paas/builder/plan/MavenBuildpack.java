package io.paas.builder.plan;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A Maven project, built in a JDK stage and run on a JRE. The poms are copied and their dependencies and plugins
 * resolved before the sources, so a push that changes only sources reuses that layer from the engine's cache.
 */
final class MavenBuildpack implements Buildpack {
  static final int DEFAULT_JAVA = 17;
  static final String WEB = "java $JAVA_OPTS -jar app.jar";
  private static final String POM = "pom.xml";
  private static final String SYSTEM_PROPERTIES = "system.properties";
  // A pinned version: the default one of Debian's Maven (2.8) leaves plugin dependencies for the build to download.
  private static final String GO_OFFLINE =
      "mvn -B -ntp org.apache.maven.plugins:maven-dependency-plugin:3.8.1:go-offline";
  private static final Pattern VERSION = Pattern.compile("(\\d{1,4})(?:\\.(\\d{1,4}))?");
  // Leaves only the jar to run: the one in target/ that is not sources, javadoc, tests or shade's original.
  private static final String[] LINK_JAR = {
      "jar=$(find target -maxdepth 1 -name '*.jar' ! -name '*-sources.jar' ! -name '*-javadoc.jar' "
          + "! -name '*-tests.jar' ! -name 'original-*' | sort)",
      "if [ -z \"$jar\" ] || [ \"$(echo \"$jar\" | wc -l)\" -ne 1 ]; then "
          + "echo \"Expected one jar to run in target/, found: $(echo ${jar:-none}).\" >&2; "
          + "echo 'Declare the web process in a Procfile, e.g. web: java -jar target/NAME.jar' >&2; exit 1; fi",
      "ln -s \"$jar\" app.jar",
      "echo \"web runs $jar\""};

  @Override
  public String supports() {
    return "Maven (pom.xml)";
  }

  @Override
  public boolean detect(SourceTree tree) {
    return tree.isFile(POM);
  }

  @Override
  public BuildPlan plan(SourceTree tree, Procfile procfile, Stacks stacks) throws PlanException {
    int java = javaVersion(tree, stacks);
    boolean defaultWeb = !procfile.declares(Procfile.WEB);
    Dockerfile dockerfile = new Dockerfile()
        .from(stacks.image(Stacks.java(java)), "build")
        .workdir("/app");
    if (tree.isDirectory(".mvn")) {
      dockerfile.copy(".mvn", ".mvn/"); // maven.config and extensions change what is resolved
    }
    for (String pom : poms(tree)) {
      dockerfile.copy(pom, pom.equals(POM) ? "./" : pom.substring(0, pom.length() - POM.length()));
    }
    dockerfile.run(GO_OFFLINE)
        .copy(".", "./");
    List<String> packageSteps = new ArrayList<>(List.of("mvn -B -DskipTests package"));
    if (defaultWeb) {
      packageSteps.addAll(List.of(LINK_JAR));
    }
    dockerfile.run(packageSteps.toArray(String[]::new))
        .from(stacks.image(Stacks.javaRuntime(java)))
        .workdir("/app")
        .copyFromStage("build", "/app", "/app")
        .env("PORT", DEFAULT_PORT, "JAVA_OPTS", "-XX:MaxRAMPercentage=75.0")
        .cmd(procfile.commandOr(Procfile.WEB, WEB));
    return new BuildPlan("Maven", "Maven app detected", dockerfile,
        List.of(Stacks.java(java), Stacks.javaRuntime(java)), defaultWeb ? Map.of(Procfile.WEB, WEB) : Map.of(),
        procfile);
  }

  /** The project's poms, modules' too, but not those under a src/ tree (test fixtures, archetype resources). */
  private static List<String> poms(SourceTree tree) {
    return tree.files().stream()
        .filter(path -> path.equals(POM) || path.endsWith("/" + POM))
        .filter(path -> !path.startsWith("src/") && !path.contains("/src/"))
        .toList();
  }

  /** {@code java.runtime.version} from system.properties (as Heroku reads it), else the default. */
  private static int javaVersion(SourceTree tree, Stacks stacks) throws PlanException {
    Optional<String> properties = tree.read(SYSTEM_PROPERTIES);
    int version = DEFAULT_JAVA;
    if (properties.isPresent()) {
      Properties read = new Properties();
      try {
        read.load(new StringReader(properties.get()));
      } catch (IOException | IllegalArgumentException e) {
        throw new PlanException(SYSTEM_PROPERTIES + " could not be read: " + e.getMessage());
      }
      String wanted = read.getProperty("java.runtime.version");
      if (wanted != null && !wanted.isBlank()) {
        version = parseVersion(wanted.strip());
      }
    }
    if (!stacks.javaVersions().contains(version)) {
      throw new PlanException("Java " + version + " is not available on this platform; supported: "
          + stacks.javaVersions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
    }
    return version;
  }

  /** 17, 17.0.2, zulu-17 mean 17; 1.8 means 8. */
  static int parseVersion(String wanted) throws PlanException {
    Matcher number = VERSION.matcher(wanted);
    if (!number.find()) {
      throw new PlanException(SYSTEM_PROPERTIES + ": java.runtime.version=" + wanted + " names no Java version");
    }
    int major = Integer.parseInt(number.group(1));
    return major == 1 && number.group(2) != null ? Integer.parseInt(number.group(2)) : major;
  }
}
