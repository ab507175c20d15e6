package io.paas.cli.command;

import java.util.regex.Pattern;

/** Words as a POSIX shell reads them. */
final class Shell {
  /** Words made only of these need no quotes. */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private Shell() {
  }

  /** The word as is when a shell would read it back unchanged, else in single quotes. */
  static String quote(String word) {
    return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
