package io.paas.builder.plan;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A Node.js project, installed with npm ({@code npm ci} when it has a lockfile). The manifests are copied and
 * installed before the sources, so a push that changes only sources reuses the installed modules from the cache.
 * A {@code build} script runs after the sources are in, with devDependencies, which are pruned afterwards.
 */
final class NodeBuildpack implements Buildpack {
  static final String WEB = "npm start";
  private static final String PACKAGE_JSON = "package.json";
  private static final List<String> LOCKFILES = List.of("package-lock.json", "npm-shrinkwrap.json");
  private static final String NPMRC = ".npmrc";

  @Override
  public String supports() {
    return "Node.js (package.json)";
  }

  @Override
  public boolean detect(SourceTree tree) {
    return tree.isFile(PACKAGE_JSON);
  }

  @Override
  public BuildPlan plan(SourceTree tree, Procfile procfile, Stacks stacks) throws PlanException {
    JsonObject scripts = scripts(tree.read(PACKAGE_JSON).orElseThrow());
    // npm start runs server.js when there is no start script, as npm itself does.
    boolean startable = isScript(scripts, "start") || tree.isFile("server.js");
    if (!startable && !procfile.declares(Procfile.WEB)) {
      throw new PlanException("package.json has no start script: add \"scripts\": {\"start\": \"node server.js\"}"
          + " to it, or a Procfile with a web process (web: node server.js).");
    }
    boolean build = isScript(scripts, "build");
    List<String> lockfiles = LOCKFILES.stream().filter(tree::isFile).toList();
    List<String> manifests = new ArrayList<>(List.of(PACKAGE_JSON));
    manifests.addAll(lockfiles);
    if (tree.isFile(NPMRC)) {
      manifests.add(NPMRC); // registry settings change what is installed
    }
    String install = (lockfiles.isEmpty() ? "npm install" : "npm ci") + (build ? "" : " --omit=dev");
    Dockerfile dockerfile = new Dockerfile()
        .from(stacks.image(Stacks.NODE))
        .workdir("/app")
        .env("NPM_CONFIG_UPDATE_NOTIFIER", "false", "NPM_CONFIG_FUND", "false", "NPM_CONFIG_AUDIT", "false")
        .copy(Stream.concat(manifests.stream(), Stream.of("./")).toArray(String[]::new))
        .run(install)
        .copy(".", "./");
    if (build) {
      dockerfile.run("npm run build", "npm prune --omit=dev");
    }
    dockerfile.env("NODE_ENV", "production", "PORT", DEFAULT_PORT)
        .cmd(procfile.commandOr(Procfile.WEB, WEB));
    return new BuildPlan("Node.js", "Node.js app detected", dockerfile, List.of(Stacks.NODE),
        startable ? Map.of(Procfile.WEB, WEB) : Map.of(), procfile);
  }

  private static JsonObject scripts(String packageJson) throws PlanException {
    try {
      Object scripts = new JsonObject(packageJson).getValue("scripts");
      return scripts instanceof JsonObject object ? object : new JsonObject();
    } catch (RuntimeException e) {
      throw new PlanException("package.json is not a valid JSON object: " + e.getMessage());
    }
  }

  private static boolean isScript(JsonObject scripts, String name) {
    return scripts.getValue(name) instanceof String command && !command.isBlank();
  }
}
