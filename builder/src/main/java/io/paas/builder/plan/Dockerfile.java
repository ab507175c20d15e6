package io.paas.builder.plan;

import io.vertx.core.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Dockerfile a plan writes. Paths and commands that come from the pushed project go in JSON form, so no file name
 * or Procfile line can add an instruction of its own.
 */
public final class Dockerfile {
  /** The name the generated Dockerfile has in the build context; the context's .dockerignore drops it again. */
  public static final String CONTEXT_NAME = ".paas.Dockerfile";

  private final List<String> lines = new ArrayList<>();

  public Dockerfile from(String image) {
    lines.add("FROM " + image);
    return this;
  }

  /** Starts a named stage, for a multi-stage build. */
  public Dockerfile from(String image, String stage) {
    lines.add("FROM " + image + " AS " + stage);
    return this;
  }

  public Dockerfile workdir(String dir) {
    lines.add("WORKDIR " + dir);
    return this;
  }

  /** {@code COPY [sources..., destination]}: paths relative to the context root, a destination ending in / is a dir. */
  public Dockerfile copy(String... sourcesAndDestination) {
    lines.add("COPY " + jsonArray(Stream.of(sourcesAndDestination)));
    return this;
  }

  /** {@code ADD [source, destination]}: a local tar is unpacked at the destination. */
  public Dockerfile add(String source, String destination) {
    lines.add("ADD " + jsonArray(Stream.of(source, destination)));
    return this;
  }

  public Dockerfile copyFromStage(String stage, String source, String destination) {
    lines.add("COPY --from=" + stage + " " + jsonArray(Stream.of(source, destination)));
    return this;
  }

  /** A shell command; several parts are joined with {@code &&}, one per line, so one failing stops the step. */
  public Dockerfile run(String... parts) {
    lines.add("RUN " + String.join(" \\\n && ", parts));
    return this;
  }

  /** A command run without a shell, for stages that have none yet. */
  public Dockerfile runExec(String... argv) {
    lines.add("RUN " + jsonArray(Stream.of(argv)));
    return this;
  }

  /** Variables in one step: {@code env("A", "1", "B", "2")}. */
  public Dockerfile env(String... namesAndValues) {
    StringBuilder line = new StringBuilder("ENV");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      line.append(' ').append(namesAndValues[i]).append('=').append(Json.encode(namesAndValues[i + 1]));
    }
    lines.add(line.toString());
    return this;
  }

  /** The image's default command, run by {@code /bin/sh -c} as the platform runs process types. */
  public Dockerfile cmd(String shellCommand) {
    lines.add("CMD " + jsonArray(Stream.of("/bin/sh", "-c", shellCommand)));
    return this;
  }

  /** The text, with a LABEL of {@code stageLabels} in every stage (so leftovers of every stage can be found). */
  public String render(Map<String, String> stageLabels) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append(line).append('\n');
      if (line.startsWith("FROM ") && !stageLabels.isEmpty()) {
        text.append("LABEL ").append(stageLabels.entrySet().stream()
            .map(label -> label.getKey() + "=" + Json.encode(label.getValue()))
            .collect(Collectors.joining(" "))).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return render(Map.of());
  }

  private static String jsonArray(Stream<String> items) {
    return items.map(Json::encode).collect(Collectors.joining(", ", "[", "]"));
  }
}
