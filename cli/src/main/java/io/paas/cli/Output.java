package io.paas.cli;

import java.io.PrintWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** Heroku's output shapes: {@code === headers}, aligned fields, and {@code Doing X... done} around slow calls. */
public final class Output {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

  private final PrintWriter out;

  public Output(PrintWriter out) {
    this.out = out;
  }

  /** An API timestamp as {@code 2026-11-27 10:00 UTC}; one that does not parse prints as it came. */
  public static String time(String iso) {
    if (iso == null) {
      return "";
    }
    try {
      return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  public void line(String text) {
    out.println(text);
  }

  /** Prints and flushes at once; false when nothing reads the output any more (a closed pipe), so a stream can stop. */
  public boolean lineNow(String text) {
    out.println(text);
    out.flush();
    return !out.checkError();
  }

  public void header(String title) {
    out.println("=== " + title);
  }

  /** One {@code Key: value} line per entry, values lined up; keys print in the map's order. */
  public void fields(Map<String, String> fields) {
    int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0) + 2;
    fields.forEach((key, value) -> out.printf("%-" + width + "s%s%n", key + ":", value));
  }

  /** Rows with their columns lined up two spaces apart; no line ends in spaces. */
  public void table(List<List<String>> rows) {
    int columns = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    rows.forEach(row -> {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    });
    rows.forEach(row -> {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    });
  }

  /** Prints the label before the call so the user sees what is being waited for, then {@code done} or {@code !}. */
  public <T> T action(String label, Supplier<T> work) {
    return action(label, work, result -> "");
  }

  /** As {@link #action(String, Supplier)}, with what {@code detail} says of the result after {@code done}. */
  public <T> T action(String label, Supplier<T> work, Function<T, String> detail) {
    out.print(label + "... ");
    out.flush();
    try {
      T result = work.get();
      out.println("done" + detail.apply(result));
      return result;
    } catch (RuntimeException e) {
      out.println("!");
      throw e;
    }
  }
}
