package io.paas.builder.plan;

import java.util.List;
import java.util.Map;

/**
 * A project with its own Dockerfile, built as it is. Process types come from the Procfile only; without one the
 * image's own command is the web process. A stage starting from a stack image makes that stack if it is missing.
 */
final class DockerfileBuildpack implements Buildpack {
  static final String DOCKERFILE = "Dockerfile";

  @Override
  public String supports() {
    return "a Dockerfile";
  }

  @Override
  public boolean detect(SourceTree tree) {
    return tree.isFile(DOCKERFILE);
  }

  @Override
  public BuildPlan plan(SourceTree tree, Procfile procfile, Stacks stacks) throws PlanException {
    String text = tree.read(DOCKERFILE).orElseThrow();
    List<String> stackKeys = ImageReferences.of(text).stream()
        .flatMap(image -> stacks.keyOf(image).stream())
        .distinct()
        .toList();
    return new BuildPlan("Dockerfile", "Dockerfile detected", null, stackKeys, Map.of(), procfile);
  }
}
