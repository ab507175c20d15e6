package io.paas.builder.plan;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Detects what a push is and plans its build: the first buildpack that recognises the project wins. */
public final class Planner {
  static final String PROCFILE = "Procfile";
  private static final List<Buildpack> BUILDPACKS = List.of(
      new DockerfileBuildpack(), new MavenBuildpack(), new NodeBuildpack(), new StaticBuildpack());

  private Planner() {
  }

  public static BuildPlan plan(SourceTree tree, Stacks stacks) throws PlanException {
    Optional<String> procfileText = tree.read(PROCFILE);
    Procfile procfile = procfileText.isPresent() ? Procfile.parse(procfileText.get()) : Procfile.EMPTY;
    for (Buildpack buildpack : BUILDPACKS) {
      if (buildpack.detect(tree)) {
        return buildpack.plan(tree, procfile, stacks);
      }
    }
    throw new PlanException("No supported app found at the root of the repository. Supported, first match wins: "
        + BUILDPACKS.stream().map(Buildpack::supports).collect(Collectors.joining("; ")) + ".");
  }
}
