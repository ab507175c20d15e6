package io.paas.common;

/** User input quoted for an error message: short, and with no control characters to forge output. */
public final class Printable {
  private static final int MAX = 40;

  private Printable() {
  }

  public static String of(String text) {
    String shown = text.length() > MAX ? text.substring(0, MAX) + "…" : text;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
