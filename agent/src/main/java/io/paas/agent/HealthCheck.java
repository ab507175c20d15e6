package io.paas.agent;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The request a web dyno's health check writes and how the answer is judged. Without a path: {@code HEAD /}, and any
 * bytes back count, since an answer of any status means the app serves HTTP. With the app's path: {@code GET PATH}
 * must answer a status below 400, so an app can keep traffic away until it is ready (a 503 while it warms up).
 */
record HealthCheck(String path) {
  /** A status line longer than this is not HTTP. */
  private static final int MAX_STATUS_LINE = 1024;
  private static final Pattern STATUS_LINE = Pattern.compile("HTTP/\\d\\.\\d (\\d{3})(?: .*)?");

  /** Whether the dyno passed, and the status it answered (null where the check reads none), for the log. */
  record Verdict(boolean up, String answer) {
  }

  Buffer request() {
    String line = path == null ? "HEAD /" : "GET " + path;
    return Buffer.buffer(line + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
  }

  /** What the answer so far says; empty while more of it is needed. */
  Optional<Verdict> judge(Buffer answer) {
    if (path == null) {
      return answer.length() > 0 ? Optional.of(new Verdict(true, null)) : Optional.empty();
    }
    String text = answer.toString(StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n");
    if (end < 0) {
      return text.length() > MAX_STATUS_LINE ? Optional.of(new Verdict(false, "not HTTP")) : Optional.empty();
    }
    Matcher status = STATUS_LINE.matcher(text.substring(0, end));
    if (!status.matches()) {
      return Optional.of(new Verdict(false, "not HTTP"));
    }
    int code = Integer.parseInt(status.group(1));
    return Optional.of(new Verdict(code < 400, String.valueOf(code)));
  }

  /** What a dyno that never passed did not do, for the reason its start failed. */
  String expectation() {
    return path == null ? "answer on $PORT" : "answer GET " + path + " with a status below 400";
  }
}
