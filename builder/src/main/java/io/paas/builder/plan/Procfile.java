package io.paas.builder.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Procfile: one {@code name: command} per line, blank lines and {@code #} comments allowed. {@code release} is not a
 * process type but the command run once before a release goes live.
 */
public final class Procfile {
  public static final String RELEASE = "release";
  public static final String WEB = "web";
  private static final Pattern ENTRY = Pattern.compile("([A-Za-z0-9_-]+)\\s*:(.*)");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** What a project without a Procfile has. */
  public static final Procfile EMPTY = new Procfile(new LinkedHashMap<>());

  private final Map<String, String> entries;

  private Procfile(Map<String, String> entries) {
    this.entries = Collections.unmodifiableMap(entries);
  }

  public static Procfile parse(String text) throws ProcfileException {
    Map<String, String> entries = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    List<String> lines = text.replace("\uFEFF", "").lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher entry = ENTRY.matcher(line);
      if (!entry.matches()) {
        throw new ProcfileException(problem(number, line));
      }
      String name = entry.group(1);
      String command = entry.group(2).strip();
      if (command.isEmpty()) {
        throw new ProcfileException("Procfile line " + number + ": '" + name + "' has no command");
      }
      Integer first = lineOf.putIfAbsent(name, number);
      if (first != null) {
        throw new ProcfileException("Procfile line " + number + ": '" + name + "' is already declared on line "
            + first);
      }
      entries.put(name, command);
    }
    return new Procfile(entries);
  }

  /** Every declared name in file order, {@code release} included. */
  public List<String> names() {
    return List.copyOf(entries.keySet());
  }

  /** The process types in file order: every entry but {@code release}. */
  public Map<String, String> processTypes() {
    Map<String, String> types = new LinkedHashMap<>(entries);
    types.remove(RELEASE);
    return types;
  }

  /** The {@code release} command, or null. */
  public String releaseCommand() {
    return entries.get(RELEASE);
  }

  public boolean declares(String name) {
    return entries.containsKey(name);
  }

  /** The command declared for {@code name}, else {@code fallback}. */
  public String commandOr(String name, String fallback) {
    return entries.getOrDefault(name, fallback);
  }

  private static String problem(int number, String line) {
    String prefix = "Procfile line " + number + ": ";
    int colon = line.indexOf(':');
    if (colon > 0 && !NAME.matcher(line.substring(0, colon).strip()).matches()) {
      return prefix + "'" + line.substring(0, colon).strip() + "' is not a process type name (use letters, digits, "
          + "'_' and '-')";
    }
    return prefix + "expected 'name: command', got '" + line + "'";
  }
}
