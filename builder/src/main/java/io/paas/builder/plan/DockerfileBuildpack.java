package io.paas.builder.plan;

import java.util.List;
import java.util.Locale;
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
    List<String> stackKeys = text.lines()
        .map(String::strip)
        .filter(line -> line.toUpperCase(Locale.ROOT).startsWith("FROM "))
        .map(DockerfileBuildpack::image)
        .flatMap(image -> stacks.keyOf(image).stream())
        .distinct()
        .toList();
    return new BuildPlan("Dockerfile", "Dockerfile detected", null, stackKeys, Map.of(), procfile);
  }

  /** The image of a {@code FROM [--platform=...] image [AS name]} line. */
  private static String image(String fromLine) {
    for (String word : fromLine.substring(5).strip().split("\\s+")) {
      if (!word.startsWith("--")) {
        return word;
      }
    }
    return "";
  }
}
