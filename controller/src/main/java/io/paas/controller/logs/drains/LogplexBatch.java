package io.paas.controller.logs.drains;

import io.paas.controller.logs.LogEntry;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;

/**
 * Lines as one https post to a drain, in Heroku's Logplex format: the drain's octet-counted syslog frames back to
 * back, with headers saying how many there are, which drain sent them, and a unique id for the post.
 */
record LogplexBatch(List<LogEntry> lines, String token, String frameId) {
  static final String CONTENT_TYPE = "application/logplex-1";

  Buffer body() {
    Buffer body = Buffer.buffer();
    lines.forEach(line -> body.appendBytes(SyslogFrame.frame(line, token)));
    return body;
  }

  Map<String, String> headers() {
    return Map.of("Content-Type", CONTENT_TYPE, "Logplex-Msg-Count", Integer.toString(lines.size()),
        "Logplex-Frame-Id", frameId, "Logplex-Drain-Token", token);
  }
}
