package io.paas.builder.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The images a Dockerfile builds on or copies from: each {@code FROM image} and each {@code COPY --from=image} that
 * names no earlier stage. The builder checks them, so that one tenant's Dockerfile cannot start from, or copy out
 * of, another tenant's image on the same engine.
 */
public final class ImageReferences {
  private ImageReferences() {
  }

  /** Those of the project's own Dockerfile; none when it has none (the platform wrote it, on stacks only). */
  public static List<String> of(SourceTree tree) throws PlanException {
    return tree.read(DockerfileBuildpack.DOCKERFILE).map(ImageReferences::of).orElse(List.of());
  }

  static List<String> of(String dockerfile) {
    List<String> images = new ArrayList<>();
    Set<String> stages = new HashSet<>();
    for (String raw : dockerfile.lines().toList()) {
      String line = raw.strip();
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("FROM ")) {
        List<String> words = words(line.substring(5));
        if (!words.isEmpty()) {
          addUnlessStage(images, stages, words.get(0));
          if (words.size() >= 3 && words.get(1).equalsIgnoreCase("AS")) {
            stages.add(words.get(2).toLowerCase(Locale.ROOT));
          }
        }
      } else if (upper.startsWith("COPY ") || upper.startsWith("ADD ")) {
        for (String word : line.split("\\s+")) {
          if (word.toLowerCase(Locale.ROOT).startsWith("--from=")) {
            String from = word.substring("--from=".length());
            if (!from.matches("\\d+")) {
              addUnlessStage(images, stages, from);
            }
          }
        }
      }
    }
    return images;
  }

  /** {@code FROM} words without its {@code --platform=} style flags. */
  private static List<String> words(String rest) {
    return List.of(rest.strip().split("\\s+")).stream().filter(word -> !word.startsWith("--")).toList();
  }

  private static void addUnlessStage(List<String> images, Set<String> stages, String name) {
    if (!stages.contains(name.toLowerCase(Locale.ROOT))) {
      images.add(name);
    }
  }
}
