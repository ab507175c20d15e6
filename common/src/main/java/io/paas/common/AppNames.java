package io.paas.common;

import java.util.regex.Pattern;

/** The one rule for app names: they become host names, image names, container names and repo paths. */
public final class AppNames {
  private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]{2,29}");

  private AppNames() {
  }

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches() && !name.endsWith("-");
  }

  /** Returns the name, or throws a 422 that says what a valid name looks like. */
  public static String require(String name) {
    if (!isValid(name)) {
      throw ApiException.invalid("Name must be 3 to 30 characters of lowercase letters, digits and dashes, "
          + "start with a letter and not end with a dash.");
    }
    return name;
  }
}
