package io.paas.builder.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A source tree of a few files given as text. */
final class FakeTree implements SourceTree {
  private final Map<String, String> files = new LinkedHashMap<>();

  /** Adds the file, or removes it when {@code content} is null. */
  FakeTree with(String path, String content) {
    if (content == null) {
      files.remove(path);
    } else {
      files.put(path, content);
    }
    return this;
  }

  @Override
  public List<String> files() {
    return List.copyOf(files.keySet());
  }

  @Override
  public boolean isFile(String path) {
    return files.containsKey(path);
  }

  @Override
  public boolean isDirectory(String path) {
    return files.keySet().stream().anyMatch(file -> file.startsWith(path + "/"));
  }

  @Override
  public Optional<String> read(String path) {
    return Optional.ofNullable(files.get(path));
  }
}
