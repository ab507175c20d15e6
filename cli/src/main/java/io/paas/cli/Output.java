package io.paas.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Supplier;

/** Heroku's output shapes: {@code === headers}, aligned fields, and {@code Doing X... done} around slow calls. */
public final class Output {
  private final PrintWriter out;

  public Output(PrintWriter out) {
    this.out = out;
  }

  public void line(String text) {
    out.println(text);
  }

  public void header(String title) {
    out.println("=== " + title);
  }

  /** One {@code Key: value} line per entry, values lined up; keys print in the map's order. */
  public void fields(Map<String, String> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    fields.forEach((key, value) -> out.printf("%-" + width + "s%s%n", key + ":", value));
  }

  /** Prints the label before the call so the user sees what is being waited for, then {@code done} or {@code !}. */
  public <T> T action(String label, Supplier<T> work) {
    out.print(label + "... ");
    out.flush();
    try {
      T result = work.get();
      out.println("done");
      return result;
    } catch (RuntimeException e) {
      out.println("!");
      throw e;
    }
  }
}
