package io.paas.builder.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

  /**
   * With {@code ARG} defaults substituted ({@code FROM $BASE}): the builder passes no build args, so a default is
   * what the engine uses.
   */
  static List<String> of(String dockerfile) {
    List<String> images = new ArrayList<>();
    Set<String> stages = new HashSet<>();
    Map<String, String> args = new HashMap<>();
    for (String raw : dockerfile.lines().toList()) {
      String line = substitute(raw.strip(), args);
      String upper = line.toUpperCase(Locale.ROOT);
      if (upper.startsWith("ARG ")) {
        String declared = line.substring(4).strip();
        int equals = declared.indexOf('=');
        if (equals > 0) {
          args.put(declared.substring(0, equals), unquote(declared.substring(equals + 1)));
        }
      } else if (upper.startsWith("FROM ")) {
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

  /** {@code $NAME} and {@code ${NAME}} of known args replaced; unknown ones stay, and the check refuses them. */
  private static String substitute(String line, Map<String, String> args) {
    String result = line;
    for (Map.Entry<String, String> arg : args.entrySet()) {
      result = result.replace("${" + arg.getKey() + "}", arg.getValue()).replace("$" + arg.getKey(), arg.getValue());
    }
    return result;
  }

  private static String unquote(String value) {
    String stripped = value.strip();
    if (stripped.length() >= 2 && (stripped.startsWith("\"") && stripped.endsWith("\"")
        || stripped.startsWith("'") && stripped.endsWith("'"))) {
      return stripped.substring(1, stripped.length() - 1);
    }
    return stripped;
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
