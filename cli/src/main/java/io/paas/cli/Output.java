package io.paas.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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

  /**
   * {@link #time} with how long ago that was, as Heroku's {@code ps} shows it: {@code 2026-11-27 10:00 UTC (~ 5m ago)};
   * more than a day back, the time alone.
   */
  public static String since(String iso, Instant now) {
    if (iso == null) {
      return "";
    }
    long seconds;
    try {
      seconds = Math.max(0, Duration.between(OffsetDateTime.parse(iso).toInstant(), now).toSeconds());
    } catch (DateTimeParseException e) {
      return iso;
    }
    if (seconds <= 60) {
      return time(iso) + " (~ " + seconds + "s ago)";
    } else if (seconds <= 60 * 60) {
      return time(iso) + " (~ " + seconds / 60 + "m ago)";
    } else if (seconds <= 25 * 60 * 60) {
      return time(iso) + " (~ " + seconds / 3600 + "h ago)";
    }
    return time(iso);
  }

  /** A byte count in binary units with at most one decimal: {@code 512 MB}, {@code 1.5 GB}. */
  public static String bytes(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = String.format(Locale.ROOT, "%.1f", value);
    return (number.endsWith(".0") ? number.substring(0, number.length() - 2) : number) + " " + units[unit];
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
    start(label);
    try {
      T result = work.get();
      finish("done" + detail.apply(result));
      return result;
    } catch (RuntimeException e) {
      finish("!");
      throw e;
    }
  }

  /** The first half of an action's line, {@code label... }, for an action whose outcome is known only later. */
  public void start(String label) {
    out.print(label + "... ");
    out.flush();
  }

  /** Ends the line {@link #start} began. */
  public void finish(String outcome) {
    out.println(outcome);
    out.flush();
  }
}
