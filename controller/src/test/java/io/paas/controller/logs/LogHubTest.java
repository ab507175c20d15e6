package io.paas.controller.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The log hub's tap: every line of every app and source, in order, as it is appended. */
class LogHubTest {
  @Test
  void aTapSeesEveryLineOfEveryAppAndSourceInOrder() {
    LogHub hub = new LogHub(2);
    List<String> tapped = new CopyOnWriteArrayList<>();
    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "before the tap"));
    hub.tap((app, line) -> tapped.add(app + " " + line.source() + " " + line.text()));

    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "one"));
    hub.append("shop", LogEntry.now(LogEntry.ROUTER, "router", "two"));
    hub.append("blog", LogEntry.now(LogEntry.BUILD, "build", "three"));
    hub.append("blog", LogEntry.now(LogEntry.PLATFORM, "api", "four"));

    assertThat(tapped).containsExactly("blog app one", "shop router two", "blog build three", "blog platform four");
  }

  @Test
  void aTapSeesLinesTheHubNoLongerKeeps() {
    LogHub hub = new LogHub(1);
    List<String> tapped = new CopyOnWriteArrayList<>();
    hub.tap((app, line) -> tapped.add(line.text()));

    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "one"));
    hub.append("blog", LogEntry.now(LogEntry.APP, "web.1", "two"));

    assertThat(tapped).containsExactly("one", "two");
    assertThat(hub.recent("blog", 10, new LogFilter(null, null))).extracting(LogEntry::text).containsExactly("two");
  }
}
